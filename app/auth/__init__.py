"""API keys: scopes, hashed storage, the bearer-token check and the audit of writes."""
