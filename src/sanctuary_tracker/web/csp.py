"""The content security policy every answer carries: scripts, styles and images only from
this site, no inline script, no plugins, no framing (markup injected into a page stays
inert). Set by middleware.content_security_policy, and by errors.too_long on the answer
written before Django sees the request."""

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
