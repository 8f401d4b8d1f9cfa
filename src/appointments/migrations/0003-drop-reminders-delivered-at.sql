-- The notifications module delivers the reminders and logs every sending with its outcome
-- (notifications.deliveries): appointments.reminders only records that a reminder fell due.
alter table appointments.reminders drop column delivered_at;
comment on table appointments.reminders is
  'Reminders that fell due for a booked appointment; their delivery is logged by the notifications module.';
