-- Issue 17: the sync indicator reads the outbox counts after sign-in and every few seconds, on the store's one
-- thread. Counting joined every outbox row to its patient and read the whole table twice: 2.4 s cold and 0.4 s warm
-- with 100,000 entries, during which a search or a chart waited (the first search after sign-in took 1.2 s). With
-- these indexes the held-back count and the newest error read only the rows they count (see JdbcOutbox.counts).
-- Never edit once released.

CREATE INDEX outbox_held_back ON outbox (held_back_reason);
CREATE INDEX outbox_last_attempt ON outbox (last_attempt_at);
