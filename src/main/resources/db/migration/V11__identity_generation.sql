-- Moves on whenever a user, a password or a membership changes on any node, so that every node
-- forgets the passwords it verified a moment ago (security/VerifiedCredentials).
create table identity_generation (
    id         int    not null primary key,
    generation bigint not null
);
insert into identity_generation (id, generation) values (1, 0);
