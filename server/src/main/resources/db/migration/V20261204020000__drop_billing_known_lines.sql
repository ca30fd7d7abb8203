-- A sync looks its known lines up with its own statement, sequential scans turned off around it (D73): called from
-- FROM, the function's rows were gathered into a tuplestore before the sync read them, a third more of the look-up's
-- time.
drop function billing_known_lines(text[]);
