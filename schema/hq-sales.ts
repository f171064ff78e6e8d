/** Head office's ingested store records (placeholder until the ingest tables land). */
export {};
