SET statement_timeout = 0;
CREATE TABLE public.ok (id integer NOT NULL);
CREATE TABLE public.broken (
    id integer NOT NULL,
    name text NOT NULL DEFALT 'x'
);
