-- Issue 17: sign-in looked for the newest row of a few audit actions (the failed-login record's anchor: the last
-- FAILED_LOGINS_MOVED, DATABASE_CREATED or DATABASE_RESTORED row) by reading the whole audit log backwards, since
-- audit_log had no index on action: 0.66 s at 100,400 rows, growing with every row the clinic ever writes. With
-- (action, seq) that lookup, and "was the log ever anchored", read a few index entries. Never edit once released.

CREATE INDEX audit_log_action ON audit_log (action, seq);
