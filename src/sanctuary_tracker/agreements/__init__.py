"""ICE's 287(g) agreements: the published sheets read, matched to jurisdictions, joined
into a dated history and turned into classification facts (no Django)."""
