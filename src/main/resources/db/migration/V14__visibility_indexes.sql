-- An organisation's recommendations (those it owns or is an addressee of) found through indexes,
-- so that its people's dashboard and register read its own rows rather than everyone's.
create index recommendation_owner on recommendation (owner_group);
create index recommendation_addressee_organisation on recommendation_addressee (organisation);
