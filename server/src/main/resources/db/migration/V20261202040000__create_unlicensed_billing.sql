-- Customer-months the billing sync billed through export lines that name no license (D69): any license of the
-- customer may be among them, so consumption tracking leaves every license of the customer to the billing sync.
create table unlicensed_billing (
    customer_id bigint not null references customers (id) on delete cascade,
    period      text   not null,
    primary key (customer_id, period)
);
