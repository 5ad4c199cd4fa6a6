--
-- PostgreSQL database dump
--
SET standard_conforming_strings = on;
CREATE TABLE public.customers (
    id integer NOT NULL,
    name text,
    social_security_number text,
    dob date
);
COPY public.customers (id, name, social_security_number, dob) FROM stdin;
1	Jane Roe	536221874	1975-03-14
2	C:\\temp	\N	1980-01-01
\.
INSERT INTO public.customers VALUES (3, 'C:\', '536221876', '1999-09-09'::date);
