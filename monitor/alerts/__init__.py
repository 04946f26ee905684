"""The alerts stage: a transactional outbox of alerts, rendered and delivered by notifiers."""
