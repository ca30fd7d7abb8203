-- D196: a sync keeps Arrow's priced amount and what its lines bill as invoices bill them: a line billed on its own item
-- rounded alone to its currency's minor unit, the lines of a license-month consumption tracking bills rounded together.
-- The minor units are Java's table (Money.minorUnits) as of this release.
update billing_syncs b set arrow_amount = x.arrow_amount, billed = x.billed
from (select billing_sync_id, sum(arrow_amount) as arrow_amount, sum(billed) as billed
      from (select billing_sync_id,
                   coalesce(case when billed_via = 'consumption'
                                 then round(sum(current_price) filter (where not removed), minor)
                                 else sum(round(current_price, minor)) filter (where not removed) end, 0) as arrow_amount,
                   coalesce(sum(round(invoiced, minor) + compensated) filter (where billed_via <> 'consumption'), 0) as billed
            from (select i.*, case currency
        when 'ADP' then 0 when 'BEF' then 0 when 'BHD' then 3 when 'BIF' then 0 when 'BYB' then 0
        when 'BYR' then 0 when 'CLF' then 4 when 'CLP' then 0 when 'DJF' then 0 when 'ESP' then 0
        when 'GNF' then 0 when 'GRD' then 0 when 'IQD' then 3 when 'ISK' then 0 when 'ITL' then 0
        when 'JOD' then 3 when 'JPY' then 0 when 'KMF' then 0 when 'KRW' then 0 when 'KWD' then 3
        when 'LUF' then 0 when 'LYD' then 3 when 'MGF' then 0 when 'OMR' then 3 when 'PTE' then 0
        when 'PYG' then 0 when 'ROL' then 0 when 'RWF' then 0 when 'TND' then 3 when 'TPE' then 0
        when 'TRL' then 0 when 'UGX' then 0 when 'UYI' then 0 when 'VND' then 0 when 'VUV' then 0
        when 'XAF' then 0 when 'XOF' then 0 when 'XPF' then 0
        else 2 end as minor
                  from billing_sync_items i) i
            group by billing_sync_id, currency, minor, billed_via = 'consumption',
                     case when billed_via = 'consumption' then license_reference end) unit
      group by billing_sync_id) x
where b.id = x.billing_sync_id and (b.arrow_amount, b.billed) is distinct from (x.arrow_amount, x.billed);
