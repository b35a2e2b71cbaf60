-- Databases of the Laku stack (Docker: run once by the postgres image on a fresh volume;
-- ./laku creates the same list itself, see DATABASES in ./laku).
CREATE DATABASE laku_group_buying;
CREATE DATABASE laku_payment;
CREATE DATABASE laku_wallet;
CREATE DATABASE laku_warehouse;
CREATE DATABASE laku_order;
CREATE DATABASE laku_notifications;
CREATE DATABASE laku_seller;
CREATE DATABASE laku_settlement;
CREATE DATABASE laku_registry;
