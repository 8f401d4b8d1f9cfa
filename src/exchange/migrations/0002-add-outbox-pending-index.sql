-- The delivery claim walks the pending messages in order and keeps each queue's head (no earlier
-- pending or dead message of the same recipient and person): this index holds the pending ones
-- only, so the walk never passes over the delivered history.
create index outbox_pending on exchange.outbox (id) where status = 'pending';
