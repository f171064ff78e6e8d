/**
 * The till's words in English: the reference table. Every other language is a complete
 * `Record<MessageKey, string>` (the compiler checks that nothing is missing). `{name}` marks a
 * parameter; parameters whose name ends in `Minor` are amounts, `Milli` quantities.
 */
export const en = {
  // Screens
  "screen.login": "Log in",
  "screen.sale": "Sale",
  "screen.search": "Find a product",
  "screen.payment": "Payment",
  "screen.receipt": "Receipt",
  "screen.returns": "Return",
  "screen.held": "Held sales",
  "screen.prints": "Printed receipts",
  "prints.loading": "Reading the print journal…",
  "prints.none": "Nothing printed yet.",
  "prints.hint": "↑↓ choose · Enter prints a COPY (or type a receipt number) · Esc back",
  "cmd.receipt.reprint": "Reprint",
  "ok.reprinted": "Printed a COPY of {title}",
  "screen.refused": "Refused sales",
  "refused.loading": "Reading the refused sales…",
  "refused.none": "No refused sales: every sale reached the store.",
  "refused.reason": "Store's reason: {reason}",
  "refused.hint":
    "↑↓ choose · Enter: export to a file (prints a copy) · {key:sale.total}: send again · Esc back",
  "cmd.sales.refused": "Refused sales",
  "cmd.price.check": "Price check",
  "action.refusedSales": "refused sales",
  "prompt.priceCheck": "Price check: scan or type a code",
  "info.priceCheck": "{name}: {priceMinor} ({unit})",
  "ok.refusedExported": "Sale {receiptNo} written to {path}",
  "ok.refusedExportedPrinted": "Sale {receiptNo} written to {path}; its receipt is printing as a COPY",
  "ok.refusedResent": "Sale {receiptNo} is being sent to the store again",
  "screen.xReport": "X report",
  "screen.shiftClose": "Close the shift",
  "screen.menu": "Functions",
  "screen.help": "Keys",

  // Status bar
  "status.till": "Till {tillId}",
  "status.online": "online",
  "status.offline": "OFFLINE",
  "status.pending": "{count} to send",
  "status.rejected": "{count} refused",
  "status.locked": "locked",

  // Login
  "login.prompt": "Type your PIN and press Enter",
  "login.pin": "PIN",
  "login.saleKept": "A sale is in progress: it continues after log-in.",

  // Sale
  "sale.colItem": "Item",
  "sale.colQty": "Qty",
  "sale.colPrice": "Price",
  "sale.colDiscount": "Disc.",
  "sale.colTotal": "Amount",
  "sale.empty": "Scan an item or type its code and press Enter (3*code for 3).",
  "sale.total": "TOTAL",
  "sale.items": "{count} lines",
  "sale.subtotal": "Subtotal",
  "sale.discount": "Discount",
  "sale.tax": "Tax",
  "sale.saleDiscount": "Sale discount {value}",
  "sale.change": "CHANGE",
  "sale.lastReceipt": "Receipt {receiptNo}",
  "sale.input": "Code",
  "sale.overridden": "price changed",

  // Prompts
  "prompt.price": "Price of {name}",
  "prompt.weight": "Weight of {name} (e.g. 0.455)",
  "prompt.override": "New unit price of {name}",
  "prompt.lineDiscount": "Discount on {name}: 10% or an amount",
  "prompt.saleDiscount": "Discount on the sale: 10% or an amount",
  "prompt.customerMessage": "Message for the customer display",
  "prompt.approval": "Supervisor PIN to allow: {action}",
  "prompt.hint": "Enter to confirm, Esc to cancel",

  // Approval actions
  "action.refund": "refund",
  "action.voidAfterTotal": "void after total",
  "action.priceOverride": "price change",
  "action.noSale": "no sale",
  "action.discount": "discount",
  "action.returnWithoutReceipt": "return without receipt",

  // Search
  "search.prompt": "Name",
  "search.hint": "Type at least 2 letters; ↑↓ choose, Enter adds, Esc back",
  "search.none": "No product matches.",

  // Payment
  "payment.total": "Total",
  "payment.paid": "Paid",
  "payment.remaining": "To pay",
  "payment.cashDue": "To pay in cash",
  "payment.tenders": "Tenders",
  "payment.amount": "Cash given",
  "payment.hint":
    "Amount + Enter: cash · Enter: exact cash · {key:payment.card}: card · {key:line.void}: remove last tender",
  "payment.completing": "Recording the sale…",

  // Receipt
  "receipt.none": "No receipt yet.",
  "receipt.notPrinted": "No printer: the receipt is kept here.",
  "receipt.printed": "Printed.",
  "receipt.hint": "↑↓ scroll · {key:receipt.view}: print again · Esc back",

  // Returns
  "returns.find": "Receipt number or scan the receipt's code",
  "returns.sale": "Sale {receiptNo}",
  "returns.colSold": "Sold",
  "returns.colBack": "Back",
  "returns.refund": "Refund",
  "returns.hint": "↑↓ line · qty + Enter · Enter: all/none · {key:sale.total}: refund · Esc back",
  "returns.done": "Refund {receiptNo}: {totalMinor} paid back in cash.",

  // Held
  "held.loading": "Fetching held sales…",
  "held.none": "No held sales.",
  "held.lines": "{count} lines",
  "held.hint": "↑↓ choose · Enter resumes · Esc back",

  // X report and shift close
  "report.loading": "Fetching the report…",
  "report.hint": "↑↓ scroll · Esc back",
  "shift.colValue": "Note/coin",
  "shift.colCount": "Count",
  "shift.colAmount": "Amount",
  "shift.counted": "Counted cash",
  "shift.hint": "↑↓ choose · count + Enter · {key:sale.total}: close the shift · Esc back",
  "shift.closed": "Shift closed.",

  // Menu and help
  "menu.hint": "Number or ↑↓ + Enter · Esc back",
  "help.hint": "{key:help.toggle} or Esc closes this help",
  "help.text": "Text + Enter: add the code · N*code: quantity N · empty Enter in payment: exact cash",

  // Command names (help, menu, key hints)
  "cmd.help.toggle": "Help",
  "cmd.product.search": "Find",
  "cmd.line.void": "Void",
  "cmd.line.price": "Price",
  "cmd.sale.hold": "Hold",
  "cmd.sale.resume": "Resume",
  "cmd.payment.card": "Card",
  "cmd.line.discount": "Discount",
  "cmd.menu.open": "Functions",
  "cmd.sale.total": "Total",
  "cmd.receipt.view": "Receipt",
  "cmd.till.lock": "Lock",
  "cmd.back": "Back",
  "cmd.input.submit": "Enter",
  "cmd.input.backspace": "Erase",
  "cmd.input.clear": "Clear input",
  "cmd.cursor.up": "Up",
  "cmd.cursor.down": "Down",
  "cmd.page.up": "Page up",
  "cmd.page.down": "Page down",
  "cmd.till.quit": "Quit (at log-in)",
  "cmd.sale.returns": "Return",
  "cmd.sale.discount": "Sale discount",
  "cmd.sale.void": "Void sale",
  "cmd.drawer.noSale": "No sale (open drawer)",
  "cmd.report.x": "X report",
  "cmd.shift.close": "Close shift",
  "cmd.customer.message": "Customer message",

  // Errors: what happened and what to do
  "error.badAmount": '"{text}" is not an amount: type e.g. 20 or 12.50',
  "error.badCount": '"{text}" is not a count: type a whole number',
  "error.badDiscount": '"{text}" is not a discount: type e.g. 10% or 1.50',
  "error.badQuantity": '"{text}" is not a quantity: type e.g. 3*code or 0.455*code',
  "error.badWeight": '"{text}" is not a weight: type e.g. 0.455',
  "error.emptySale": "The sale is empty: scan an item first",
  "error.finishSaleFirst": "Finish or hold ({key:sale.hold}) the sale in progress first",
  "error.missingCode": "Type the code after the quantity, e.g. 3*4011",
  "error.noLines": "No line to change: scan an item first",
  "error.noReceipt": "No receipt yet on this till",
  "error.noResults": "No product found: type another name",
  "error.noReturnLines": "Pick at least one line to return (Enter on a line)",
  "error.noTenders": "No tender to remove",
  "error.nothingDue": "Nothing left to pay",
  "error.priceTooHigh": "That price is above the store's limit: check it",
  "error.returnTooMuch": "More {name} than is left to return on this sale",
  "error.tendersTaken": "Payment already taken: remove it ({key:line.void}) or finish the payment",
  "error.wholeQuantity": "{name} is sold by the unit: type a whole quantity",
  "error.unknownCode": "Unknown code {code}: check it and scan again, or find by name ({key:product.search})",
  "error.badCheckDigit": "Code {code} has a wrong check digit: scan it again or type it carefully",
  "error.pinRefused": "PIN refused: check it and type it again",
  "error.offline":
    "The store server cannot be reached: sales continue and are sent later; try this again when online",
  "error.scaleNotStable":
    "The scale has no stable weight ({detail}): wait until it settles and scan again, or type weight*code",
  "error.scaleFailed": "The scale does not answer ({detail}): type the weight as weight*code",
  "error.printer": "Printer: {detail}",

  // Progress and information
  "info.approvalNeeded": "A supervisor must allow this: supervisor PIN, then Enter",
  "info.checkingPin": "Checking the PIN…",
  "info.closingShift": "Closing the shift…",
  "info.completing": "Recording the sale…",
  "info.holding": "Holding the sale…",
  "info.lineVoided": "Line voided: {name}",
  "info.lockToQuit": "Lock the till ({key:till.lock}) first, then quit from the log-in screen",
  "info.locked": "Till locked: type your PIN to continue",
  "info.messageShown": "Message shown to the customer",
  "info.pickReturnLines": "Pick the lines coming back: Enter on a line",
  "info.reprinting": "Printing a copy…",
  "info.saleVoided": "Sale voided",
  "info.offline": "Store server unreachable: keep selling, sales are sent when it is back",
  "info.online": "Store server reachable again: waiting sales are being sent",
  "info.weighing": "Weighing…",
  "info.idleLocked": "Locked after {minutes} min without use: type your PIN",

  // Done
  "ok.drawerOpened": "Drawer open",
  "ok.refunded": "Refund recorded: receipt {receiptNo}",
  "ok.saleComplete": "Sale complete. Change: {changeMinor}",
  "ok.saleHeld": "Sale held: resume it with {key:sale.resume}",
  "ok.saleResumed": "Held sale resumed",
  "ok.shiftClosed": "Shift closed",
  "ok.welcome": "Hello, {name}",
  "prompt.confirmVoidSale": "Void the whole sale ({totalMinor})? Y + Enter: yes · Esc: no",
  "info.notDone": "Not done: nothing changed",
  "error.scanInMenu": "A scan is not taken in a menu: nothing was chosen. Esc closes the menu, then scan",
  "error.scanInQuestion": "A scan does not answer a question: type Y + Enter for yes, or Esc for no",
} as const;

export type MessageKey = keyof typeof en;
export type Strings = Record<MessageKey, string>;
