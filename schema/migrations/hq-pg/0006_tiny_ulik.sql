CREATE TABLE "hq_sum_chain_groups" (
	"day" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"qty_milli" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"cost_minor" bigint NOT NULL,
	"uncosted_net_minor" bigint NOT NULL,
	CONSTRAINT "hq_sum_chain_groups_day_kind_key_pk" PRIMARY KEY("day","kind","key")
);
