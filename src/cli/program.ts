/**
 * The `ringup` command line: one binary, every tier. Each mode's implementation is loaded
 * lazily, so a server loads neither the other server's code nor the till's; `ringup till` itself
 * runs the till's own command line (`till-program.ts`), which loads none of this.
 */
import { type Command, Option } from "commander";
import { hqOptionsSchema } from "../hq/options.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { loadConfig, mergeOptions, validateConfig } from "../shared/config.ts";
import { createLogger, LOG_LEVELS, type LogLevel, logLines, setProcessLogger } from "../shared/log.ts";
import { plainSecretWarning, readSecretFile } from "../shared/secrets.ts";
import { storeOptionsSchema } from "../store-server/options.ts";
import { addCashCommands } from "./admin-cash.ts";
import { addComplianceCommands } from "./admin-compliance-command.ts";
import { addFiscalCommands } from "./admin-fiscal.ts";
import { addInvoiceCommands } from "./admin-invoice-command.ts";
import { addPurchasingCommands } from "./admin-purchasing-command.ts";
import { addStockDocumentCommands } from "./admin-stock-command.ts";
import { backupCommands } from "./backup/command.ts";
import { configOption, logLevelOption, newProgram, opt, runProgram } from "./command-line.ts";
import { complianceOfflineCommands } from "./compliance-offline.ts";
import { doctorCommand } from "./doctor/command.ts";
import type { DeadLettersCommand } from "./hq-dead-letters.ts";
import { addTenantCommands } from "./hq-tenant-command.ts";
import { adminOptionsSchema, devicesOptionsSchema, LANGUAGES } from "./options.ts";
import { runners } from "./runners.ts";
import { serviceCommands } from "./service/command.ts";
import { addTillCommand } from "./till-command.ts";

/** Warns on stderr when a secret came as a plain flag (ps shows it), naming the file flag to use. */
function warnPlainSecret(cmd: Command, io: CliIo, key: string, fileKey: string): void {
  if (cmd.getOptionValueSource(key) === "cli") io.err(plainSecretWarning(key, fileKey));
}

/**
 * A server's messages as lines of its logger (stdout, warnings on stderr), which becomes the
 * process's; a generated admin token is still shown on a terminal, past the log.
 */
function serverIo(io: CliIo, mode: "store" | "hq", level: LogLevel): CliIo {
  const logger = createLogger({ mode, level, sink: { kind: "console" } });
  setProcessLogger(logger);
  return {
    ...logLines(logger),
    ...(io.terminal ? { terminal: true, show: (text: string) => io.out(text) } : {}),
  };
}

function tlsOptions(cmd: Command): Command {
  return cmd
    .addOption(opt("--tls-cert <file>", "serve HTTPS with this certificate (PEM; with --tls-key)", "tlsCert"))
    .addOption(opt("--tls-key <file>", "the certificate's private key (PEM)", "tlsKey"));
}

function maxImportBytesOption(): Option {
  return opt(
    "--max-import-bytes <bytes>",
    "largest body of a bulk import (POST /api/v1/products/bulk …), in bytes (default 16777216: 16 MiB)",
    "maxImportBytes",
  );
}

export function buildProgram(io: CliIo): Command {
  const program = newProgram(io).description(
    "Ringup point of sale: till, store server, head office and admin tools in one binary",
  );

  const store = program
    .command("store")
    .description("run the shop's server: sales, stock, shifts and users on SQLite")
    .addOption(opt("--data <dir>", "directory for the store database (required)", "data"))
    .addOption(opt("--port <port>", "HTTP port (default 7070; 0 picks a free one)", "port"))
    .addOption(
      opt(
        "--host <addr>",
        "address to listen on (default 0.0.0.0: every interface, for the shop's tills; 127.0.0.1: this machine only)",
        "host",
      ),
    )
    .addOption(
      opt(
        "--store-id <id>",
        "this store's id, used in receipt numbers and replication (default S1)",
        "storeId",
      ),
    )
    .addOption(configOption())
    .addOption(
      opt(
        "--admin-token <token>",
        "bootstrap admin bearer token (ps shows it: prefer --admin-token-file or RINGUP_ADMIN_TOKEN); otherwise one is generated and printed once; a new one revokes the previous one",
        "adminToken",
      ),
    )
    .addOption(
      opt(
        "--admin-token-file <file>",
        "read the bootstrap admin token from this file (mode 0600)",
        "adminTokenFile",
      ),
    )
    .addOption(
      opt(
        "--nats <urls>",
        "NATS server of the head office, or a cluster's servers separated by commas, e.g. nats://hq.example:4222",
        "nats",
      ),
    )
    .addOption(opt("--nats-creds <file>", "NATS credentials file for this store", "natsCreds"))
    .addOption(
      opt(
        "--hq-url <url>",
        "head office's API, to look up sales of other stores for returns, e.g. https://hq.example:8080",
        "hqUrl",
      ),
    )
    .addOption(
      opt(
        "--hq-token <token>",
        "this store's API token from head office (with --hq-url; ps shows it: prefer --hq-token-file)",
        "hqToken",
      ),
    )
    .addOption(
      opt("--hq-token-file <file>", "read the store's head office token from this file", "hqTokenFile"),
    )
    .addOption(
      opt(
        "--recover-from-hq",
        "before serving, fetch the events this store's journal lacks from head office's copy (after a restore or a lost disk); needs --hq-url",
        "recoverFromHq",
      ),
    );
  tlsOptions(store)
    .addOption(
      opt(
        "--tls-self-signed",
        "serve HTTPS with a self-signed certificate made once in the data dir (tills pin it when they pair)",
        "tlsSelfSigned",
      ),
    )
    .addOption(maxImportBytesOption())
    .addOption(logLevelOption())
    .addOption(
      opt(
        "--bundle <file>",
        "set the store up from its pairing bundle (ringup hq store create) into --data, then start it",
        "bundle",
      ),
    )
    .action(async (_opts: unknown, cmd: Command) => {
      await (await import("./store-init.ts")).configFromBundleOption(cmd);
      const config = await loadConfig(cmd, storeOptionsSchema);
      const logged = serverIo(io, "store", config.logLevel);
      warnPlainSecret(cmd, logged, "adminToken", "adminTokenFile");
      warnPlainSecret(cmd, logged, "hqToken", "hqTokenFile");
      await (await runners.store())(config, logged);
    });

  store
    .command("init")
    .description("set a store up from its pairing bundle: configuration and credentials (0600) in --data")
    .option("--bundle <file>", "the pairing bundle from ringup hq store create (required)")
    .option("--data <dir>", "the store's data directory (required)")
    .action(async (o: { bundle?: string; data?: string }) => {
      // After `init`, --bundle and --data are taken by `ringup store` itself, which has them too.
      const parent = store.opts();
      await (await import("./store-init.ts")).initStore(o.bundle ?? parent.bundle, o.data ?? parent.data, io);
    });

  const hq = program
    .command("hq")
    .description("run the head office API: catalog, prices, users, stores and chain reports")
    .addOption(opt("--data <dir>", "directory for the head office database (required)", "data"))
    .addOption(opt("--port <port>", "HTTP port (default 8080; 0 picks a free one)", "port"))
    .addOption(opt("--host <addr>", "address to listen on (default 0.0.0.0)", "host"))
    .addOption(configOption())
    .addOption(
      opt(
        "--admin-token <token>",
        "bootstrap admin bearer token (ps shows it: prefer --admin-token-file); a new one revokes the previous one",
        "adminToken",
      ),
    )
    .addOption(
      opt(
        "--admin-token-file <file>",
        "read the bootstrap admin token from this file (mode 0600)",
        "adminTokenFile",
      ),
    )
    .addOption(
      opt(
        "--nats <urls>",
        "NATS server, or a cluster's servers separated by commas, e.g. nats://127.0.0.1:4222",
        "nats",
      ),
    )
    .addOption(opt("--nats-creds <file>", "NATS credentials file", "natsCreds"))
    .addOption(
      opt(
        "--database <url>",
        "head office's database: postgres://USER@HOST:PORT/DB or sqlite:PATH (default: hq.db under --data)",
        "database",
      ),
    )
    .addOption(
      opt(
        "--nats-replicas <n>",
        "replicas of the JetStream streams and consumers head office creates (1-5, default 1; 3 on a cluster of three)",
        "natsReplicas",
      ),
    )
    .addOption(maxImportBytesOption())
    .addOption(logLevelOption());
  tlsOptions(hq).action(async (_opts: unknown, cmd: Command) => {
    const config = await loadConfig(cmd, hqOptionsSchema);
    const logged = serverIo(io, "hq", config.logLevel);
    warnPlainSecret(cmd, logged, "adminToken", "adminTokenFile");
    await (await runners.hq())(config, logged);
  });

  /** A command that works head office through its API: server, token, CA; its options parsed. */
  const hqApiCommand = (name: string, description: string) => {
    const cmd = hq
      .command(name)
      .description(description)
      .addOption(opt("--server <url>", "head office URL, e.g. http://127.0.0.1:8080 (required)", "server"))
      .addOption(
        opt("--token <token>", "admin token (ps shows it: prefer --token-file or RINGUP_TOKEN)", "token"),
      )
      .addOption(opt("--token-file <file>", "read the admin token from this file (mode 0600)", "tokenFile"))
      .addOption(opt("--ca <file>", "CA certificate (PEM) for a server with a self-signed certificate", "ca"))
      .addOption(opt("--json", "print machine-readable JSON", "json"))
      .addOption(logLevelOption());
    const options = () => {
      warnPlainSecret(cmd, io, "token", "tokenFile");
      const merged = mergeOptions(cmd, {});
      const tokenFile = merged.values.tokenFile;
      if (merged.values.token === undefined && typeof tokenFile === "string") {
        merged.values.token = readSecretFile(tokenFile, "tokenFile", (l) => io.err(l));
        merged.sources.set("token", "flag");
      }
      return validateConfig(adminOptionsSchema, merged, undefined);
    };
    return { cmd, options };
  };
  const { cmd: deadLetters, options: deadLettersOptions } = hqApiCommand(
    "dead-letters",
    "work head office's dead letters through its API: list, show, retry after a fix, discard",
  );
  const runDeadLetters = async (command: DeadLettersCommand, args: Record<string, unknown>) => {
    const options = deadLettersOptions();
    await (await import("./hq-dead-letters.ts")).runDeadLetters(options, command, args, io);
  };
  deadLetters
    .command("list")
    .description("open dead letters, oldest first: id, store and sequence, reason, message")
    .option("--store <id>", "only this store's")
    .option("--all", "closed ones too (retried, redelivered, discarded)")
    .action((o: { store?: string; all?: boolean }) => runDeadLetters("list", o));
  deadLetters
    .command("show <id>")
    .description("one dead letter: reason, the message as received, the events it holds back")
    .action((id: string) => runDeadLetters("show", { id }));
  deadLetters
    .command("retry <id>")
    .description("apply it again after a fix; its store's held-back events follow in order")
    .action((id: string) => runDeadLetters("retry", { id }));
  deadLetters
    .command("discard <id>")
    .description("close it without applying it, with a reason (recorded); the events after it follow")
    .requiredOption("--reason <text>", "why it is discarded")
    .action((id: string, o: { reason: string }) => runDeadLetters("discard", { id, reason: o.reason }));

  addTenantCommands(hq, io);

  hq.command("reports")
    .description("head office's report summaries")
    .command("rebuild")
    .description(
      "rebuild the report summaries from the sales, voids and returns (one transaction, with progress)",
    )
    .option("--data <dir>", "head office's data directory (required)")
    .action(async (_o: unknown, cmd: Command) => {
      // `--data` is also head office's own option: commander hands it to the parent.
      const { data, database } = cmd.optsWithGlobals() as { data?: string; database?: string };
      (await import("./hq-reports.ts")).rebuildReportSummaries(data, io, database);
    });

  const { cmd: customers, options: customersOptions } = hqApiCommand(
    "customers",
    "work head office's customers through its API",
  );
  customers
    .command("import <file>")
    .description("import customers from a CSV file (see docs/customers.md); a second import changes nothing")
    .addOption(
      new Option("--format <format>", "csv (with a header row) or corepos (CORE-POS custdata.csv)")
        .choices(["csv", "corepos"])
        .default("csv"),
    )
    .option("--member-group <id>", "corepos: put paid members (type PC) in this customer group")
    .option(
      "--members",
      "corepos: make each paid member account's first person a co-op member (number: CardNo)",
    )
    .action(
      async (file: string, o: { format: "csv" | "corepos"; memberGroup?: string; members?: boolean }) => {
        const options = customersOptions();
        await (await import("./hq-customers.ts")).importCustomersFile(options, file, o, io);
      },
    );

  const { cmd: hqStore, options: hqStoreOptions } = hqApiCommand(
    "store",
    "open stores through head office's API",
  );
  hqStore
    .command("create <id>")
    .description('open a store from a template and write its pairing bundle (docs/hq.md, "Store templates")')
    .requiredOption("--from-template <name>", "the store template's id")
    .option("--name <name>", "the store's name (default: the template's store name)")
    .option("--nats <urls>", "NATS servers the store connects to, separated by commas (required)")
    .option(
      "--hq-url <url>",
      "head office's URL as the store reaches it (default --server; required with --data)",
    )
    .option("--out <file>", "where to write the bundle (default ./store-<id>.bundle.json)")
    .option("--data <dir>", "work on a stopped head office's data directory instead of --server")
    .action(async (id: string, o: import("./hq-store-create.ts").StoreCreateOptions & { data?: string }) => {
      // `--nats` and `--data` after the subcommand are taken by `ringup hq` itself, which has them too.
      const parent = hq.opts();
      const how = { ...o, nats: o.nats ?? (parent.nats as string | undefined) };
      const data =
        o.data ?? (hq.getOptionValueSource("data") === "cli" ? (parent.data as string) : undefined);
      const create = await import("./hq-store-create.ts");
      if (data !== undefined) {
        const at = { ...how, json: hqStore.opts().json === true };
        await create.createStoreFromTemplateAt(data, id, at, io, parent.database as string | undefined);
        return;
      }
      await create.createStoreFromTemplate(hqStoreOptions(), id, how, io);
    });

  addTillCommand(program, io);

  program
    .command("kds")
    .description("run a kitchen station's display: its tickets with timers, bump and recall by keys")
    .addOption(opt("--server <url>", "store server URL, e.g. http://127.0.0.1:7070 (required)", "server"))
    .addOption(
      opt("--station <id>", "the kitchen station shown, from [[kitchen.stations]] (required)", "station"),
    )
    .addOption(
      opt(
        "--token <token>",
        "a device or admin token (ps shows it: prefer RINGUP_TOKEN); default: the one kept at pairing",
        "token",
      ),
    )
    .addOption(
      opt(
        "--data <dir>",
        "directory for the display's token and unsent actions (default ./kds-data)",
        "data",
      ),
    )
    .addOption(
      opt(
        "--pair <code>",
        "pair this display with the store: exchange a code from 'ringup admin till pair' for its own token, then exit",
        "pair",
      ),
    )
    .addOption(opt("--device-id <id>", "the id the pairing code was made for (with --pair)", "deviceId"))
    .addOption(opt("--lang <lang>", `language: ${LANGUAGES.join("|")} (default en)`, "lang"))
    .addOption(configOption())
    .addOption(logLevelOption())
    .action(async (_opts: unknown, cmd: Command) => {
      const { kdsOptionsSchema } = await import("../kds/options.ts");
      const config = await loadConfig(cmd, kdsOptionsSchema);
      await (await runners.kds())(config, io);
    });

  const admin = program
    .command("admin")
    .description("administer a store (or head office) server")
    .addOption(opt("--server <url>", "server URL, e.g. http://127.0.0.1:7070 (required)", "server"))
    .addOption(
      opt(
        "--token <token>",
        "admin bearer token (ps shows it: prefer --token-file or RINGUP_TOKEN)",
        "token",
      ),
    )
    .addOption(opt("--token-file <file>", "read the bearer token from this file (mode 0600)", "tokenFile"))
    .addOption(opt("--ca <file>", "CA certificate (PEM) for a server with a self-signed certificate", "ca"))
    .addOption(opt("--json", "print machine-readable JSON", "json"))
    .addOption(logLevelOption());
  const adminConfig = () => {
    warnPlainSecret(admin, io, "token", "tokenFile");
    const merged = mergeOptions(admin, {});
    const tokenFile = merged.values.tokenFile;
    if (merged.values.token === undefined && typeof tokenFile === "string") {
      merged.values.token = readSecretFile(tokenFile, "tokenFile", (l) => io.err(l));
      merged.sources.set("token", "flag");
    }
    return validateConfig(adminOptionsSchema, merged, undefined);
  };
  const runAdmin = async (name: string, args: Record<string, unknown>) =>
    (await runners.admin())(adminConfig(), name, args, io);

  const importCmd = admin.command("import").description("import catalog data from a file");
  for (const what of ["products", "departments"] as const) {
    importCmd
      .command(`${what} <file>`)
      .description(`import ${what} from a CSV or CORE-POS file`)
      .addOption(new Option("--format <format>", "file format").choices(["csv", "corepos"]).default("csv"))
      .option("--strict", "import nothing if any row is bad (default: skip bad rows and report them)")
      .action((file: string, o: { format: string; strict?: boolean }) =>
        runAdmin(`import.${what}`, { file, format: o.format, strict: o.strict === true }),
      );
  }
  importCmd
    .command("promotions <file>")
    .description("CORE-POS quantity pricing and mix-and-match groups (products.csv) as promotions")
    .addOption(new Option("--format <format>", "file format").choices(["corepos"]).default("corepos"))
    .action((file: string, o: { format: string }) =>
      runAdmin("import.promotions", { file, format: o.format }),
    );
  const promotions = admin
    .command("promotions")
    .description("promotions: a store's own at a store, the chain's at head office");
  promotions
    .command("list")
    .description("promotions in force (at a store: head office's and its own, marked [hq] or [store])")
    .option("--all", "also ended ones")
    .action((o: { all?: boolean }) => runAdmin("promotions.list", { all: o.all === true }));
  promotions
    .command("add")
    .description("define promotions from a JSON file (one, or a list; replaced by id)")
    .requiredOption("--file <file>", "the JSON file")
    .action((o: { file: string }) => runAdmin("promotions.add", { file: o.file }));
  promotions
    .command("remove <id>")
    .description("end a promotion (recorded sales keep it)")
    .action((id: string) => runAdmin("promotions.remove", { id }));
  const user = admin.command("user").description("manage cashiers and their roles (store)");
  user
    .command("list")
    .description("the store's users: id, name, role, whether they may log in")
    .option("--all", "also disabled users")
    .action((o: { all?: boolean }) => runAdmin("user.list", { all: o.all === true }));
  user
    .command("disable <id>")
    .description("stop a user logging in (their sales stay theirs)")
    .action((id: string) => runAdmin("user.disable", { id }));
  user
    .command("pin-reset <id>")
    .description("give a user a new PIN (unique among the store's active users)")
    .requiredOption("--pin <pin>", "the new 4 to 8 digit PIN")
    .action((id: string, o: { pin: string }) => runAdmin("user.pin-reset", { id, pin: o.pin }));
  user
    .command("set-discount <id>")
    .description("set a user's staff discount on their own purchases, applied at the till with their PIN")
    .requiredOption("--percent <percent>", 'percent off, e.g. 10 or 12.5; "none" removes it')
    .action((id: string, o: { percent: string }) =>
      runAdmin("user.set-discount", { id, percent: o.percent }),
    );
  const product = admin
    .command("product")
    .description("add and change products (store, or head office for every store)");
  const productFields = (cmd: Command) =>
    cmd
      .requiredOption("--code <code>", "product code / PLU")
      .option("--name <name>", "name on the till and receipt")
      .option("--price <amount>", "shelf price in the store currency, e.g. 5.95")
      .option("--barcodes <list>", "barcodes, comma-separated (replaces the product's)")
      .option("--tax-class <id>", "tax class id (empty: none)")
      .option("--department <id>", "department id (empty: none)")
      .addOption(new Option("--by-weight <bool>", "sold by weight").choices(["true", "false"]))
      .addOption(new Option("--unit <unit>", "unit of sale").choices(["each", "kg", "lb", "l"]))
      .option("--cost <amount>", "unit cost (empty: none)");
  productFields(product.command("add").description("add a new product (needs --name and --price)")).action(
    (o: Record<string, unknown>) => runAdmin("product.add", o),
  );
  productFields(
    product.command("edit").description("change the fields given; the others keep their values"),
  ).action((o: Record<string, unknown>) => runAdmin("product.edit", o));
  product
    .command("price")
    .description("change a product's price (at head office: the chain price)")
    .requiredOption("--code <code>", "product code / PLU")
    .requiredOption("--price <amount>", "the new price, e.g. 5.95")
    .action((o: { code: string; price: string }) => runAdmin("product.price", o));
  product
    .command("deactivate")
    .description("withdraw a product from sale (kept for history and reports)")
    .requiredOption("--code <code>", "product code / PLU")
    .action((o: { code: string }) => runAdmin("product.deactivate", o));
  const exporting = admin.command("export").description("export data (CSV, SAF-T)");
  exporting
    .command("products")
    .description("every product in the plain CSV import format (imports back as it was)")
    .option("--out <file>", "write to this file (default: standard output)")
    .action((o: { out?: string }) => runAdmin("export.products", o));
  exporting
    .command("accounting")
    .description(
      "per day: sales and refunds by tax rate, tenders, cash in/out, cost of goods, stock documents",
    )
    .requiredOption("--from <YYYY-MM-DD>", "the first business day")
    .requiredOption("--to <YYYY-MM-DD>", "the last business day")
    .option("--format <format>", "csv (default), saft (SAF-T Financial XML) or json")
    .option("--out <file>", "write to this file (default: standard output)")
    .action((o: Record<string, unknown>) => runAdmin("export.accounting", o));
  user
    .command("add")
    .description("add a user who logs in at the till with a PIN")
    .requiredOption("--name <name>", "the user's name")
    .addOption(
      new Option("--role <role>", "role")
        .choices(["cashier", "supervisor", "manager", "admin"])
        .makeOptionMandatory(),
    )
    .requiredOption("--pin <pin>", "4 to 8 digit PIN")
    .option("--staff-discount <percent>", "the user's staff discount, e.g. 10 (percent)")
    .action((o: { name: string; role: string; pin: string; staffDiscount?: string }) => {
      const { staffDiscount, ...rest } = o;
      return runAdmin(
        "user.add",
        staffDiscount === undefined ? rest : { ...rest, staffDiscountPercent: staffDiscount },
      );
    });
  const report = admin.command("report").description("reports");
  report
    .command("daily")
    .description("the daily sales report")
    .option("--date <YYYY-MM-DD>", "the day to report (default: today in the store's time zone)")
    .action((o: { date?: string }) => runAdmin("report.daily", o));
  report
    .command("exceptions")
    .description(
      "till sales recorded as rung that differ from the catalog: prices, tax rates, unknown or withdrawn products",
    )
    .requiredOption("--from <YYYY-MM-DD>", "the first business day")
    .option("--to <YYYY-MM-DD>", "the last business day (default: --from)")
    .option("--store <id>", "one store (head office only)")
    .action((o: { from: string; to?: string; store?: string }) => runAdmin("report.exceptions", o));
  report
    .command("valuation")
    .description("stock on hand and its value at the end of a business day (by the store's costing method)")
    .requiredOption("--at <YYYY-MM-DD>", "the business day")
    .action((o: { at: string }) => runAdmin("report.valuation", o));
  report
    .command("margin")
    .description("net sales, cost of goods and margin over business days")
    .requiredOption("--from <YYYY-MM-DD>", "the first business day")
    .requiredOption("--to <YYYY-MM-DD>", "the last business day")
    .addOption(
      new Option("--by <group>", "group rows by")
        .choices(["product", "department", "category"])
        .default("product"),
    )
    .action((o: { from: string; to: string; by: string }) => runAdmin("report.margin", o));
  report
    .command("expiry")
    .description("lots on hand expiring within N days (and those past their expiry), soonest first")
    .option("--days <n>", "how many days ahead (default 30)")
    .action((o: { days?: string }) => runAdmin("report.expiry", o));
  admin
    .command("sales")
    .description("sales at the store")
    .command("refused")
    .description(
      "till sales the store refused, as the tills reported them (they keep them for a fix and a resend)",
    )
    .option("--all", "also those recorded since")
    .action((o: { all?: boolean }) => runAdmin("sales.refused", o));
  admin
    .command("journal")
    .description("the store's tamper-evident event journal")
    .command("verify")
    .description("check the hash chain and name the first altered, missing or reordered event")
    .action(() => runAdmin("journal.verify", {}));
  admin
    .command("backup")
    .description(
      "a verified copy of the store's database, taken while it keeps selling: written to --out once it verifies",
    )
    .requiredOption("--out <file>", "the backup file to write (must not exist)")
    .action((o: { out: string }) => runAdmin("backup", o));
  admin
    .command("receipt")
    .description("a copy of a recorded sale's receipt, marked COPY (audited as receipt.reprinted)")
    .option("--sale <id>", "the sale's id")
    .option("--receipt <no>", "the receipt number, e.g. S1-T2-000123")
    .option("--printer <uri>", "also print it on this receipt printer (tcp://host:9100, /dev/usb/lp0…)")
    .option("--columns <n>", "characters per line (default: the printer's, else 48)")
    .action((o: { sale?: string; receipt?: string; printer?: string; columns?: string }) =>
      runAdmin("receipt", o),
    );
  admin
    .command("labels")
    .description("shelf labels printed by the store on a label printer (ZPL, TSPL, ESC/POS)")
    .command("print")
    .description("print shelf labels for products chosen by code, department, or price changed since a date")
    .requiredOption(
      "--printer <uri>",
      "the label printer: tcp://host:9100?language=zpl|tspl|escpos, file:/dev/usb/lp1…",
    )
    .requiredOption("--template <name>", "the label template, e.g. shelf-58x40 or one of the store's own")
    .option("--codes <codes>", "product codes, separated by commas or spaces")
    .option(
      "--changed-since <date>",
      "products whose price changed since DATE (YYYY-MM-DD), or `last` (the template's last print)",
    )
    .option("--department <id>", "the department's active products")
    .action((o: Record<string, unknown>) => runAdmin("labels.print", o));
  const scales = admin
    .command("scales")
    .description("label scales ([[scales]]): send them the weighed goods, see their health");
  scales
    .command("sync")
    .description("send each scale the PLUs of its departments it does not hold yet (resumes a broken upload)")
    .option("--scale <id>", "only this scale")
    .action((o: Record<string, unknown>) => runAdmin("scales.sync", o));
  scales
    .command("status")
    .description("each scale: reachable, its state, PLUs programmed of how many, last sync, last error")
    .action((o: Record<string, unknown>) => runAdmin("scales.status", o));
  scales
    .command("product <code>")
    .description("set the tare and shelf life a label scale prints for a weighed product")
    .requiredOption("--tare <grams>", "tare in grams (0 for none)")
    .requiredOption("--shelf-life <days>", "shelf life in days (0 for none)")
    .action((code: string, o: Record<string, unknown>) => runAdmin("scales.product", { code, ...o }));
  admin
    .command("barcodes")
    .description("in-store barcodes (restricted-circulation EAN-13 or EAN-8)")
    .command("assign")
    .description("give every active product without a barcode the next free in-store code (journaled)")
    .option(
      "--prefix <2x>",
      "the EAN-13 prefix, 20 to 29 (default 20); one the store reads as embedded is refused",
    )
    .option("--ean8", "EAN-8 codes (prefix 2) instead")
    .option("--codes <codes>", "only these products, separated by commas or spaces")
    .option("--dry-run", "say which codes would be given, and save nothing")
    .action((o: Record<string, unknown>) => runAdmin("barcodes.assign", o));
  const stock = admin
    .command("stock")
    .description("stock at the store (needs the admin token or a manager's session)");
  stock
    .command("history")
    .description("a product's stock movements with their cost of goods, newest first")
    .argument("<code>", "product code or barcode")
    .option("--from <YYYY-MM-DD>", "the first business day (with --to)")
    .option("--to <YYYY-MM-DD>", "the last business day (with --from)")
    .option("--limit <n>", "at most this many movements (default 100)")
    .action((code: string, o: { from?: string; to?: string; limit?: string }) =>
      runAdmin("stock.history", { code, ...o }),
    );
  stock
    .command("count")
    .description(
      "record a count of a product: its stock is set to the quantity counted (audited as stock.counted)",
    )
    .requiredOption("--code <code>", "product code or barcode")
    .requiredOption("--qty <qty>", "quantity counted on the shelf (e.g. 20, or 1.25 for weighed items)")
    .option("--reason <text>", "why, e.g. 'monthly count'")
    .option("--location <name>", "where it was counted")
    .option("--id <uuid>", "the count's id, to retry it safely")
    .action((o: { code: string; qty: string; reason?: string; location?: string; id?: string }) =>
      runAdmin("stock.count", o),
    );
  addStockDocumentCommands(stock, runAdmin);
  addPurchasingCommands(admin, runAdmin);
  addInvoiceCommands(admin, runAdmin);
  addCashCommands(admin, runAdmin);
  addComplianceCommands(admin, report, runAdmin);
  addFiscalCommands(admin, runAdmin);
  const shift = admin
    .command("shift")
    .description("a till's shift: open it with a float, move cash in or out, close it with the count");
  shift
    .command("open")
    .description("open a shift at a till with the opening float (cash in the drawer)")
    .requiredOption("--till <id>", "the till")
    .requiredOption("--float <amount>", "the opening float, e.g. 150 or 150.00 (the store's currency)")
    .action((o: { till: string; float: string }) => runAdmin("shift.open", o));
  shift
    .command("cash")
    .description("put cash into (+AMOUNT) or take cash out of (-AMOUNT) the till's drawer, with a reason")
    .requiredOption("--till <id>", "the till")
    .requiredOption("--amount <±amount>", "e.g. 50 (in) or -20.50 (out), in the store's currency")
    .requiredOption("--reason <text>", "why, e.g. 'change from the safe'")
    .action((o: { till: string; amount: string; reason: string }) => runAdmin("shift.cash", o));
  shift
    .command("close")
    .description("close the till's shift with the cash counted: issues its Z report")
    .requiredOption("--till <id>", "the till")
    .requiredOption("--counted <amount>", "the cash counted in the drawer, e.g. 412.35")
    .action((o: { till: string; counted: string }) => runAdmin("shift.close", o));
  shift
    .command("list")
    .description("shifts, newest first")
    .option("--till <id>", "one till's shifts")
    .addOption(new Option("--status <status>", "open or closed shifts only").choices(["open", "closed"]))
    .action((o: { till?: string; status?: string }) => runAdmin("shift.list", o));
  const pin = admin
    .command("pin")
    .description("PIN lock-outs after wrong PINs (needs the admin token or a manager's session)");
  pin
    .command("lockouts")
    .description("list the tills, or the whole store, whose PIN entry is locked, and for how long")
    .action(() => runAdmin("pin.lockouts", {}));
  pin
    .command("unlock")
    .description("lift a PIN lock-out before it expires (audited as pin.unlocked)")
    .option("--till <id>", "the till whose PIN entry to unlock")
    .option("--store-wide", "lift the store-wide lock-out set by wrong PINs across many tills")
    .action((o: { till?: string; storeWide?: boolean }) => runAdmin("pin.unlock", o));

  const till = admin.command("till").description("pair tills with the store, list and revoke them");
  till
    .command("pair")
    .description(
      "print a one-time pairing code (10 minutes, single use) to type at a till: ringup till --pair CODE",
    )
    .option("--till <id>", "the till it is for (default: whichever till uses it first)")
    .action((o: { till?: string }) => runAdmin("till.pair", o));
  till
    .command("list")
    .description("paired tills and when each was last seen")
    .action(() => runAdmin("till.list", {}));
  till
    .command("revoke <tillId>")
    .description("revoke a till: its device token and its cashiers' sessions stop working at once")
    .action((tillId: string) => runAdmin("till.revoke", { tillId }));
  const token = admin
    .command("token")
    .description("bearer tokens of the server (never shown, only their ids)");
  token
    .command("list")
    .description("live tokens: id, kind, created, last used (--all: revoked ones too)")
    .option("--all", "also revoked tokens")
    .action((o: { all?: boolean }) => runAdmin("token.list", o));
  token
    .command("revoke <id>")
    .description("revoke a token by its id (or a unique prefix of it, 6 hex digits or more)")
    .action((id: string) => runAdmin("token.revoke", { id }));
  token
    .command("rotate")
    .description(
      "replace the admin token used for this call with a new one (printed once); the old one stops working",
    )
    .action(() => runAdmin("token.rotate", {}));

  program
    .command("devices")
    .description("check the till's devices")
    .command("test")
    .description("print a test receipt, open the drawer, read the scale, show a line on the display")
    .addOption(opt("--printer <uri>", "receipt printer URI", "printer"))
    .addOption(opt("--scale <uri>", "scale URI", "scale"))
    .addOption(opt("--display <uri>", "customer display URI", "display"))
    .addOption(opt("--drawer", "open the cash drawer through the printer", "drawer"))
    .addOption(opt("--lang <lang>", `language of the test receipt: ${LANGUAGES.join("|")}`, "lang"))
    .action(async (_opts: unknown, cmd: Command) => {
      const config = validateConfig(devicesOptionsSchema, mergeOptions(cmd, {}), undefined);
      await (await runners.devices())(config, io);
    });

  program
    .command("demo")
    .description(
      "one-command demo: a store with the sample catalog (plus head office and nats-server when available) and a till",
    )
    .addOption(
      opt("--data <dir>", "directory for the demo's databases (default: a temporary directory)", "data"),
    )
    .addOption(
      opt(
        "--samples <dir>",
        "folder of the CORE-POS sample data (default ../shared/data/corepos)",
        "samples",
      ),
    )
    .addOption(opt("--port <port>", "store port (default 7070; a free one if busy)", "port"))
    .addOption(logLevelOption("warn").choices(LOG_LEVELS))
    .option("--once", "stop after the walkthrough instead of serving until Ctrl-C")
    .option("--no-hq", "run the store alone, without head office and nats-server")
    .action(
      async (o: {
        data?: string;
        samples?: string;
        port?: string;
        once?: boolean;
        hq?: boolean;
        logLevel?: LogLevel;
      }) => {
        const { hq, ...rest } = o;
        await (await runners.demo())({ ...rest, noHq: hq === false }, io);
      },
    );

  serviceCommands(program, io);
  doctorCommand(program, io);
  backupCommands(program, io);
  complianceOfflineCommands(program, io);

  return program;
}

/** Runs the CLI and answers the process exit code: 0 ok, 1 failure, 2 usage or configuration error. */
export function main(argv: readonly string[], io: CliIo): Promise<number> {
  return runProgram(buildProgram(io), argv, io);
}
