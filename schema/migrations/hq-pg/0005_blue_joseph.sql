CREATE TABLE "hq_sum_customer_totals" (
	"day" text NOT NULL,
	"store_id" text NOT NULL,
	"orders_count" bigint NOT NULL,
	"returns_count" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	CONSTRAINT "hq_sum_customer_totals_day_store_id_pk" PRIMARY KEY("day","store_id")
);
--> statement-breakpoint
CREATE INDEX "hq_sum_customers_store_day" ON "hq_sum_customers" USING btree ("store_id","day");