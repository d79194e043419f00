"""Federal money at stake: award tables read in the layouts the government publishes,
each award matched to the jurisdiction that received it, with the match's method and
confidence."""
