-- The platform's purge deletes gateway callbacks by age (laku.retention.webhook-event).
create index webhook_event_received_at on webhook_event (received_at);
