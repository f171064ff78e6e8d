/**
 * The till on screen: status bar, the current screen's body, then the input, message and key
 * bars. Sized to the terminal (80×24 and up) and redrawn when the controller's state or the
 * link to the store changes, or the clock's minute does.
 */
import { Box, Text, useWindowSize } from "ink";
import { type ReactNode, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { StoreSettings } from "../../core/settings.ts";
import type { TillController } from "../app/controller.ts";
import type { Translator } from "../i18n/index.ts";
import type { LinkStatus } from "../services.ts";
import { barRows, InputLine, KeyBar, MessageLine, StatusBar } from "./bars.tsx";
import { BookingsScreen } from "./bookings-screen.tsx";
import { CustomersScreen } from "./customers-screen.tsx";
import { DeliveriesScreen } from "./deliveries-screen.tsx";
import { ReceiptScreen, ReportScreen } from "./document-screens.tsx";
import { HelpOverlay } from "./help-overlay.tsx";
import { HeldScreen, MenuScreen, PrintsScreen, SearchScreen } from "./list-screens.tsx";
import { LoginScreen } from "./login-screen.tsx";
import { OrdersScreen } from "./orders-screen.tsx";
import { PaymentScreen } from "./payment-screen.tsx";
import { QuickKeysScreen } from "./quick-keys-screen.tsx";
import { ReceiptQrScreen } from "./receipt-qr-screen.tsx";
import { RefusedScreen } from "./refused-screen.tsx";
import { ReturnsScreen } from "./returns-screen.tsx";
import { SaleScreen } from "./sale-screen.tsx";
import { ShiftOpenScreen, ShiftScreen } from "./shift-screen.tsx";
import { TableOrderScreen, TablesScreen } from "./tables-screen.tsx";
import { spread } from "./text.ts";
import { useTimeMessage } from "./time-messages.ts";
import { useTillKeys } from "./use-keys.ts";
import type { BodyProps, View } from "./view.ts";

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** Status bar, title, input, message and key bars. */
const CHROME_ROWS = 5;

export interface TillAppProps {
  controller: TillController;
  /** Fixed size (tests); otherwise the terminal's, never below 80×24. */
  size?: { columns: number; rows: number };
  /** The clock on the status bar (tests pass a fixed one). */
  now?: () => Date;
}

/**
 * The clock as shown (hours and minutes): checked every second, but the screen is drawn again
 * only when the text changes, so a scan never queues behind a frame drawn for the clock.
 */
function useClock(now: () => Date, t: Translator): string {
  const [text, setText] = useState(() => t.time(now()));
  useEffect(() => {
    const timer = setInterval(() => setText(t.time(now())), 1000);
    return () => clearInterval(timer);
  }, [now, t]);
  return text;
}

function Body(props: BodyProps): ReactNode {
  const { view } = props;
  if (view.state.help) return <HelpOverlay {...props} />;
  switch (view.state.screen.kind) {
    case "login":
      return <LoginScreen {...props} />;
    case "sale":
      return <SaleScreen {...props} />;
    case "payment":
      return <PaymentScreen {...props} />;
    case "search":
      return <SearchScreen {...props} />;
    case "held":
      return <HeldScreen {...props} />;
    case "menu":
      return <MenuScreen {...props} />;
    case "prints":
      return <PrintsScreen {...props} />;
    case "receipt":
      return <ReceiptScreen {...props} />;
    case "receiptQr":
      return <ReceiptQrScreen {...props} />;
    case "xReport":
      return <ReportScreen {...props} />;
    case "returns":
      return <ReturnsScreen {...props} />;
    case "shiftClose":
      return <ShiftScreen {...props} />;
    case "shiftOpen":
      return <ShiftOpenScreen {...props} />;
    case "refused":
      return <RefusedScreen {...props} />;
    case "customers":
      return <CustomersScreen {...props} />;
    case "orders":
      return <OrdersScreen {...props} />;
    case "deliveries":
      return <DeliveriesScreen {...props} />;
    case "bookings":
      return <BookingsScreen {...props} />;
    case "quickKeys":
      return <QuickKeysScreen {...props} />;
    case "tables":
      return <TablesScreen {...props} />;
    case "tableOrder":
      return <TableOrderScreen {...props} />;
  }
}

const systemClock = () => new Date();

/**
 * The link status and the store's settings, as one object per change (React needs a stable
 * snapshot): the screen redraws when what the status bar shows or the settings change.
 */
function useStoreStatus(services: TillController["services"]): { link: LinkStatus; settings: StoreSettings } {
  const cache = useRef<{
    key: string;
    settings: StoreSettings;
    value: { link: LinkStatus; settings: StoreSettings };
  } | null>(null);
  const read = useCallback(() => {
    const link = services.status();
    const settings = services.settings();
    // Only what the status bar shows: a sync that changes nothing on screen draws no frame.
    const key = `${link.online}|${link.pending}|${link.rejected}`;
    if (cache.current?.key !== key || cache.current.settings !== settings)
      cache.current = { key, settings, value: { link, settings } };
    return cache.current.value;
  }, [services]);
  return useSyncExternalStore(
    useCallback((listener: () => void) => services.subscribe(listener), [services]),
    read,
    read,
  );
}

export function TillApp({ controller, size, now = systemClock }: TillAppProps) {
  const state = useSyncExternalStore(
    useCallback((listener: () => void) => controller.subscribe(listener), [controller]),
    () => controller.state,
  );
  const services = controller.services;
  const { link, settings } = useStoreStatus(services);
  const windowSize = useWindowSize();
  const columns = Math.max(MIN_COLUMNS, size?.columns ?? windowSize.columns);
  const rows = Math.max(MIN_ROWS, size?.rows ?? windowSize.rows);
  const onKey = useCallback(
    (event: Parameters<TillController["key"]>[0]) => controller.key(event),
    [controller],
  );
  useTillKeys(onKey);
  const t = controller.translator();
  const clock = useClock(now, t);
  const ambient = useTimeMessage(services, now, settings.timeZone);
  const view: View = {
    state,
    t,
    keymap: controller.keymap,
    settings,
    identity: services.identity(),
    link,
    columns,
    customTenders: services.customTenders?.() ?? [],
    ambient,
  };
  const title = state.help ? t.t("screen.help") : t.t(`screen.${state.screen.kind}`);
  // A long question or message wraps: the body gives up the rows it takes.
  const bars = barRows(view);
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <StatusBar view={view} clock={clock} />
      <TitleRow title={title} view={view} />
      <Body view={view} height={rows - CHROME_ROWS - bars.input - bars.message + 2} />
      <InputLine view={view} />
      <MessageLine view={view} />
      <KeyBar view={view} />
    </Box>
  );
}

function TitleRow({ title, view }: { title: string; view: View }) {
  const receipt = view.state.sale.receiptNo ?? "";
  return (
    <Text bold color="cyan" wrap="truncate">
      {spread(` ${title}`, receipt, view.columns)}
    </Text>
  );
}
