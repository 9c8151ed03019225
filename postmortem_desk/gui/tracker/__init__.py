"""Follow-through across postmortems: the action tracker, the debt overview and reminders."""
