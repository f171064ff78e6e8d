CREATE TABLE "hq_scale_health" (
	"store_id" text NOT NULL,
	"scale_id" text NOT NULL,
	"protocol" text NOT NULL,
	"reachable" bigint NOT NULL,
	"state" text,
	"last_sync_at" text,
	"plus_sent" bigint NOT NULL,
	"plus_total" bigint NOT NULL,
	"programming" text NOT NULL,
	"error_code" text,
	"error_message" text,
	"reported_at" text NOT NULL,
	CONSTRAINT "hq_scale_health_store_id_scale_id_pk" PRIMARY KEY("store_id","scale_id")
);
