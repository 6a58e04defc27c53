-- Issue 11: the indication an order was written for, where the drug's advice depends on it (CPIC clopidogrel
-- 2022: acs-pci, cardiovascular-other, neurovascular), so the pharmacist's re-check uses the same advice.
-- NULL = not stated (every order before this version). The row MAC leaves a NULL here out, so existing rows
-- keep their MACs; a value is covered (SealedTable: "indication?"). Never edit once released.
ALTER TABLE medication_orders ADD COLUMN indication VARCHAR(40);
ALTER TABLE medication_orders ADD CONSTRAINT medication_orders_indication_key
    CHECK (indication IS NULL OR REGEXP_LIKE(indication, '^[a-z0-9-]{1,40}$'));
