CREATE TABLE "account_balances" (
	"card" text NOT NULL,
	"unit" text NOT NULL,
	"balance" bigint NOT NULL,
	CONSTRAINT "account_balances_card_unit_pk" PRIMARY KEY("card","unit")
);
--> statement-breakpoint
CREATE TABLE "account_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"card" text NOT NULL,
	"unit" text NOT NULL,
	"type" text NOT NULL,
	"amount" bigint NOT NULL,
	"expires_at" text,
	"store_id" text,
	"sale_id" text,
	"note" text,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"number" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"customer_id" text,
	"blocked_at" text,
	"replaced_by" text,
	"expires_at" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_fields" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"choices" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_group_members" (
	"group_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "customer_group_members_group_id_customer_id_pk" PRIMARY KEY("group_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "customer_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"discount_bp" bigint,
	"rule" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_notification_outbox" (
	"delivery_id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"customer_id" text,
	"body" text NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_at" text NOT NULL,
	"last_error" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"phone" text,
	"email" text,
	"birthday" text,
	"address" text,
	"consents" text DEFAULT '{}' NOT NULL,
	"fields" text DEFAULT '{}' NOT NULL,
	"notes" text,
	"merged_into" text,
	"erased_at" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dead_letters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"store_id" text,
	"subject" text NOT NULL,
	"event_id" text,
	"seq" bigint,
	"reason" text NOT NULL,
	"message" text NOT NULL,
	"data" text NOT NULL,
	"received_at" text NOT NULL,
	"resolution" text,
	"resolved_at" text,
	"resolved_by" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "equity_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"store_id" text,
	"sale_id" text,
	"note" text,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_api_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scopes" text NOT NULL,
	"created_at" text NOT NULL,
	"last_used_at" text,
	"revoked_at" text
);
--> statement-breakpoint
CREATE TABLE "hq_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent" text,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_chain_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"vendor_id" text NOT NULL,
	"deliver_to" text,
	"request" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_code_uses" (
	"sale_id" text NOT NULL,
	"promotion_id" text NOT NULL,
	"code" text NOT NULL,
	"store_id" text NOT NULL,
	"customer_id" text,
	"discount_minor" bigint NOT NULL,
	"offline" bigint NOT NULL,
	"at" text NOT NULL,
	"released_at" text,
	CONSTRAINT "hq_code_uses_sale_id_promotion_id_pk" PRIMARY KEY("sale_id","promotion_id")
);
--> statement-breakpoint
CREATE TABLE "hq_custom_tenders" (
	"id" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"active" bigint NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"active" bigint NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"number" bigint,
	"status" text NOT NULL,
	"customer_id" text,
	"slot_date" text,
	"total_minor" bigint NOT NULL,
	"balance_due_minor" bigint NOT NULL,
	"request_hash" text,
	"snapshot" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_price_exceptions" (
	"store_id" text NOT NULL,
	"sale_id" text NOT NULL,
	"line_no" bigint NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"receipt_no" text NOT NULL,
	"till_id" text NOT NULL,
	"at" text NOT NULL,
	"day" text NOT NULL,
	"rung_minor" bigint NOT NULL,
	"catalog_minor" bigint,
	"detail" text,
	CONSTRAINT "hq_price_exceptions_sale_id_line_no_kind_pk" PRIMARY KEY("sale_id","line_no","kind")
);
--> statement-breakpoint
CREATE TABLE "hq_products" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"barcodes" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"tax_class" text,
	"department" text,
	"sold_by_weight" bigint NOT NULL,
	"open_price" bigint NOT NULL,
	"cost_minor" bigint,
	"unit" text NOT NULL,
	"active" bigint NOT NULL,
	"min_age" bigint,
	"serialised" bigint DEFAULT 0 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"category" text,
	"variant_of" text,
	"variant" text,
	"packs" text,
	"min_stock_milli" bigint,
	"max_stock_milli" bigint
);
--> statement-breakpoint
CREATE TABLE "hq_promotions" (
	"id" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"active" bigint NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_purchase_orders" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"number" bigint NOT NULL,
	"vendor_id" text NOT NULL,
	"status" text NOT NULL,
	"expected_at" text,
	"created_at" text NOT NULL,
	"sent_at" text,
	"closed_at" text,
	"updated_at" text NOT NULL,
	"lines" text NOT NULL,
	CONSTRAINT "hq_purchase_orders_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "hq_purchase_receipts" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text,
	"vendor_id" text NOT NULL,
	"invoice_number" text,
	"invoice_date" text,
	"landed_cost_minor" bigint NOT NULL,
	"received_at" text NOT NULL,
	"lines" text NOT NULL,
	CONSTRAINT "hq_purchase_receipts_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "hq_return_lines" (
	"return_id" text NOT NULL,
	"line_no" bigint NOT NULL,
	"original_line_no" bigint,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department" text,
	"tax_class" text,
	"qty_milli" bigint NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"extended_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	CONSTRAINT "hq_return_lines_return_id_line_no_pk" PRIMARY KEY("return_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "hq_returns" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"event_id" text NOT NULL,
	"receipt_no" text NOT NULL,
	"original_sale_id" text,
	"original_receipt_no" text,
	"till_id" text NOT NULL,
	"cashier_id" text,
	"approved_by" text,
	"shift_id" text,
	"customer_id" text,
	"at" text NOT NULL,
	"day" text NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"cash_rounding_minor" bigint NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "hq_roles" (
	"id" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_sale_lines" (
	"sale_id" text NOT NULL,
	"line_no" bigint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department" text,
	"tax_class" text,
	"qty_milli" bigint NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"extended_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	CONSTRAINT "hq_sale_lines_sale_id_line_no_pk" PRIMARY KEY("sale_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "hq_sale_promotions" (
	"sale_id" text NOT NULL,
	"promotion_id" text NOT NULL,
	"discount_minor" bigint NOT NULL,
	CONSTRAINT "hq_sale_promotions_sale_id_promotion_id_pk" PRIMARY KEY("sale_id","promotion_id")
);
--> statement-breakpoint
CREATE TABLE "hq_sale_taxes" (
	"doc_id" text NOT NULL,
	"doc_kind" text NOT NULL,
	"store_id" text NOT NULL,
	"tax_class" text NOT NULL,
	"rate" text NOT NULL,
	"base_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"day" text NOT NULL,
	CONSTRAINT "hq_sale_taxes_doc_id_tax_class_rate_pk" PRIMARY KEY("doc_id","tax_class","rate")
);
--> statement-breakpoint
CREATE TABLE "hq_sales" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"event_id" text NOT NULL,
	"receipt_no" text NOT NULL,
	"till_id" text NOT NULL,
	"cashier_id" text,
	"shift_id" text,
	"customer_id" text,
	"at" text NOT NULL,
	"day" text NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"change_minor" bigint NOT NULL,
	"cash_rounding_minor" bigint NOT NULL,
	"voided_at" text,
	"voided_by" text,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "hq_stock" (
	"store_id" text NOT NULL,
	"code" text NOT NULL,
	"location" text NOT NULL,
	"qty_milli" bigint NOT NULL,
	CONSTRAINT "hq_stock_store_id_code_location_pk" PRIMARY KEY("store_id","code","location")
);
--> statement-breakpoint
CREATE TABLE "hq_stock_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"number" bigint NOT NULL,
	"type" text NOT NULL,
	"to_store" text,
	"transfer_id" text,
	"posted_at" text NOT NULL,
	"payload" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_stock_limits" (
	"store_id" text NOT NULL,
	"code" text NOT NULL,
	"location" text NOT NULL,
	"min_milli" bigint NOT NULL,
	"max_milli" bigint,
	CONSTRAINT "hq_stock_limits_store_id_code_location_pk" PRIMARY KEY("store_id","code","location")
);
--> statement-breakpoint
CREATE TABLE "hq_sum_cashiers" (
	"day" text NOT NULL,
	"store_id" text NOT NULL,
	"cashier_id" text NOT NULL,
	"sales_count" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"voids_count" bigint NOT NULL,
	"voids_minor" bigint NOT NULL,
	"refunds_count" bigint NOT NULL,
	"refunds_minor" bigint NOT NULL,
	CONSTRAINT "hq_sum_cashiers_day_store_id_cashier_id_pk" PRIMARY KEY("day","store_id","cashier_id")
);
--> statement-breakpoint
CREATE TABLE "hq_sum_chain_products" (
	"day" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department" text NOT NULL,
	"category" text NOT NULL,
	"qty_milli" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"cost_minor" bigint NOT NULL,
	"uncosted_net_minor" bigint NOT NULL,
	CONSTRAINT "hq_sum_chain_products_day_code_pk" PRIMARY KEY("day","code")
);
--> statement-breakpoint
CREATE TABLE "hq_sum_customer_lifetimes" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"orders_count" bigint NOT NULL,
	"net_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_sum_customers" (
	"day" text NOT NULL,
	"store_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"orders_count" bigint NOT NULL,
	"returns_count" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	CONSTRAINT "hq_sum_customers_day_store_id_customer_id_pk" PRIMARY KEY("day","store_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "hq_sum_groups" (
	"day" text NOT NULL,
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"qty_milli" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"cost_minor" bigint NOT NULL,
	"uncosted_net_minor" bigint NOT NULL,
	CONSTRAINT "hq_sum_groups_day_store_id_kind_key_pk" PRIMARY KEY("day","store_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "hq_sum_hours" (
	"day" text NOT NULL,
	"store_id" text NOT NULL,
	"hour" bigint NOT NULL,
	"sales_count" bigint NOT NULL,
	"returns_count" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	CONSTRAINT "hq_sum_hours_day_store_id_hour_pk" PRIMARY KEY("day","store_id","hour")
);
--> statement-breakpoint
CREATE TABLE "hq_sum_products" (
	"day" text NOT NULL,
	"store_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department" text NOT NULL,
	"category" text NOT NULL,
	"qty_milli" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"cost_minor" bigint NOT NULL,
	"uncosted_net_minor" bigint NOT NULL,
	CONSTRAINT "hq_sum_products_day_store_id_code_pk" PRIMARY KEY("day","store_id","code")
);
--> statement-breakpoint
CREATE TABLE "hq_sum_state" (
	"id" text PRIMARY KEY NOT NULL,
	"rebuilt_at" text NOT NULL,
	"sales" bigint NOT NULL,
	"returns" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_tenders" (
	"doc_id" text NOT NULL,
	"idx" bigint NOT NULL,
	"doc_kind" text NOT NULL,
	"store_id" text NOT NULL,
	"type" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"day" text NOT NULL,
	CONSTRAINT "hq_tenders_doc_id_idx_pk" PRIMARY KEY("doc_id","idx")
);
--> statement-breakpoint
CREATE TABLE "hq_users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"pin_hash" text NOT NULL,
	"pin_tag" text DEFAULT '' NOT NULL,
	"store_ids" text,
	"active" bigint NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_vendor_credits" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"number" bigint NOT NULL,
	"vendor_id" text NOT NULL,
	"receipt_id" text,
	"status" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"created_at" text NOT NULL,
	"settled_at" text,
	"settlement_ref" text,
	"updated_at" text NOT NULL,
	"lines" text NOT NULL,
	CONSTRAINT "hq_vendor_credits_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "hq_vendor_item_costs" (
	"event_id" text NOT NULL,
	"item_no" bigint NOT NULL,
	"store_id" text NOT NULL,
	"vendor_id" text NOT NULL,
	"code" text NOT NULL,
	"cost_minor" bigint NOT NULL,
	"previous_cost_minor" bigint,
	"source" text NOT NULL,
	"ref_id" text,
	"at" text NOT NULL,
	CONSTRAINT "hq_vendor_item_costs_event_id_item_no_pk" PRIMARY KEY("event_id","item_no")
);
--> statement-breakpoint
CREATE TABLE "hq_vendor_items" (
	"store_id" text NOT NULL,
	"vendor_id" text NOT NULL,
	"code" text NOT NULL,
	"vendor_code" text,
	"case_size_milli" bigint,
	"cost_minor" bigint NOT NULL,
	"lead_time_days" bigint,
	"min_order_milli" bigint,
	"updated_at" text NOT NULL,
	CONSTRAINT "hq_vendor_items_store_id_vendor_id_code_pk" PRIMARY KEY("store_id","vendor_id","code")
);
--> statement-breakpoint
CREATE TABLE "hq_vendors" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"payment_terms" text,
	"payment_types" text NOT NULL,
	"active" bigint NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "hq_vendors_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "hq_webhook_deliveries" (
	"delivery_id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"body" text NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_at" text NOT NULL,
	"created_at" text NOT NULL,
	"last_error" text,
	"endpoint_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_webhook_endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"events" text NOT NULL,
	"secret" text NOT NULL,
	"status" text NOT NULL,
	"parked_reason" text,
	"parked_at" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingested_events" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"version" bigint NOT NULL,
	"at" text NOT NULL,
	"payload" text NOT NULL,
	"prev_hash" text,
	"hash" text NOT NULL,
	"applied_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_program" (
	"id" bigint PRIMARY KEY NOT NULL,
	"program" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"since" text,
	"equity_due_minor" bigint NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "members_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "offline_redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"card" text NOT NULL,
	"unit" text NOT NULL,
	"asked" bigint NOT NULL,
	"asked_minor" bigint NOT NULL,
	"debited" bigint NOT NULL,
	"overdraft" bigint NOT NULL,
	"overdraft_minor" bigint NOT NULL,
	"store_id" text NOT NULL,
	"sale_id" text NOT NULL,
	"at" text NOT NULL,
	"received_at" text NOT NULL,
	"request" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parked_events" (
	"store_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"id" text NOT NULL,
	"event" text NOT NULL,
	"received_at" text NOT NULL,
	CONSTRAINT "parked_events_store_id_seq_pk" PRIMARY KEY("store_id","seq")
);
--> statement-breakpoint
CREATE TABLE "price_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"store_id" text,
	"price_minor" bigint,
	"effective_at" text NOT NULL,
	"created_at" text NOT NULL,
	"applied_at" text
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"card" text NOT NULL,
	"unit" text NOT NULL,
	"amount" bigint NOT NULL,
	"value_minor" bigint NOT NULL,
	"store_id" text NOT NULL,
	"sale_id" text,
	"status" text NOT NULL,
	"request" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_prices" (
	"code" text NOT NULL,
	"store_id" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "store_prices_code_store_id_pk" PRIMARY KEY("code","store_id")
);
--> statement-breakpoint
CREATE TABLE "store_replication" (
	"store_id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text,
	"last_event_at" text,
	"applied_at" text,
	"gap_from_seq" bigint,
	"gap_since" text
);
--> statement-breakpoint
CREATE TABLE "store_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"store_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"currency" text NOT NULL,
	"nats_user" text NOT NULL,
	"nats_password_hash" text NOT NULL,
	"settings" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "account_entries_key" ON "account_entries" USING btree ("key");--> statement-breakpoint
CREATE INDEX "account_entries_card" ON "account_entries" USING btree ("card","unit");--> statement-breakpoint
CREATE INDEX "cards_customer" ON "cards" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "catalog_changes_store_seq" ON "catalog_changes" USING btree ("store_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_changes_key" ON "catalog_changes" USING btree ("store_id","kind","key");--> statement-breakpoint
CREATE INDEX "customer_group_members_customer" ON "customer_group_members" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_notification_outbox_next" ON "customer_notification_outbox" USING btree ("next_at");--> statement-breakpoint
CREATE INDEX "customers_name_key" ON "customers" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "customers_phone" ON "customers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "customers_email" ON "customers" USING btree ("email");--> statement-breakpoint
CREATE INDEX "dead_letters_store" ON "dead_letters" USING btree ("store_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "dead_letters_subject_event" ON "dead_letters" USING btree ("subject","event_id","reason");--> statement-breakpoint
CREATE INDEX "equity_payments_customer" ON "equity_payments" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "hq_code_uses_promotion" ON "hq_code_uses" USING btree ("promotion_id");--> statement-breakpoint
CREATE INDEX "hq_orders_store_status" ON "hq_orders" USING btree ("store_id","status");--> statement-breakpoint
CREATE INDEX "hq_orders_slot_date" ON "hq_orders" USING btree ("slot_date");--> statement-breakpoint
CREATE INDEX "hq_price_exceptions_store_day" ON "hq_price_exceptions" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "hq_products_updated" ON "hq_products" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "hq_products_variant_of" ON "hq_products" USING btree ("variant_of");--> statement-breakpoint
CREATE INDEX "hq_purchase_orders_vendor" ON "hq_purchase_orders" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "hq_purchase_receipts_order" ON "hq_purchase_receipts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "hq_returns_store_day" ON "hq_returns" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "hq_returns_original" ON "hq_returns" USING btree ("original_sale_id");--> statement-breakpoint
CREATE INDEX "hq_sale_promotions_promotion" ON "hq_sale_promotions" USING btree ("promotion_id");--> statement-breakpoint
CREATE INDEX "hq_sale_taxes_store_day" ON "hq_sale_taxes" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "hq_sales_day_store" ON "hq_sales" USING btree ("day","store_id");--> statement-breakpoint
CREATE INDEX "hq_sales_receipt" ON "hq_sales" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "hq_sales_customer" ON "hq_sales" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "hq_stock_code" ON "hq_stock" USING btree ("code");--> statement-breakpoint
CREATE INDEX "hq_stock_documents_to_store" ON "hq_stock_documents" USING btree ("to_store","type");--> statement-breakpoint
CREATE INDEX "hq_stock_documents_transfer" ON "hq_stock_documents" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "hq_sum_customers_customer" ON "hq_sum_customers" USING btree ("customer_id","day");--> statement-breakpoint
CREATE INDEX "hq_tenders_store_day" ON "hq_tenders" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "hq_users_pin_tag" ON "hq_users" USING btree ("pin_tag");--> statement-breakpoint
CREATE INDEX "hq_vendor_credits_vendor" ON "hq_vendor_credits" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "hq_vendor_item_costs_vendor" ON "hq_vendor_item_costs" USING btree ("store_id","vendor_id");--> statement-breakpoint
CREATE INDEX "hq_vendor_items_code" ON "hq_vendor_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "hq_webhook_deliveries_due" ON "hq_webhook_deliveries" USING btree ("endpoint_id","next_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ingested_events_store_seq" ON "ingested_events" USING btree ("store_id","seq");--> statement-breakpoint
CREATE INDEX "offline_redemptions_at" ON "offline_redemptions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "price_changes_due" ON "price_changes" USING btree ("applied_at","effective_at");--> statement-breakpoint
CREATE INDEX "price_changes_code" ON "price_changes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "redemptions_card_status" ON "redemptions" USING btree ("card","status");--> statement-breakpoint
CREATE INDEX "store_prices_store" ON "store_prices" USING btree ("store_id");