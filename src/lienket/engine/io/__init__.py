"""The engine's edge: readers that turn files into plain rows; nothing else imports back."""
