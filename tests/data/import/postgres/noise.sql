--
-- PostgreSQL database dump
--

\restrict AbCdEf0123

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
SET default_table_access_method = heap;

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';

CREATE SCHEMA audit;

CREATE SEQUENCE public.items_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE public.items (
    id integer NOT NULL,
    "Label" character varying(80) NOT NULL,
    price numeric(8,2) DEFAULT 0 NOT NULL,
    search tsvector
);

ALTER TABLE public.items OWNER TO postgres;
ALTER SEQUENCE public.items_id_seq OWNED BY public.items.id;
ALTER TABLE ONLY public.items ALTER COLUMN id SET DEFAULT nextval('public.items_id_seq'::regclass);
ALTER TABLE ONLY public.items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.items
    ADD CONSTRAINT items_price_check CHECK ((price >= (0)::numeric));

CREATE TABLE audit.log (id integer);
CREATE TABLE public.measurements (at date NOT NULL, v integer) PARTITION BY RANGE (at);
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX items_search_idx ON public.items USING gin (search);
GRANT SELECT ON TABLE public.items TO PUBLIC;

\unrestrict AbCdEf0123
