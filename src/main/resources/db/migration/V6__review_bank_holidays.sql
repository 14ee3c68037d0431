-- Whose bank holidays a review's deadlines keep: ENGLAND_AND_WALES, SCOTLAND or NORTHERN_IRELAND.
alter table review add column bank_holidays varchar(32) default 'ENGLAND_AND_WALES' not null;
