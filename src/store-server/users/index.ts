export {
  APPROVAL_ACTIONS,
  type ApprovalAction,
  type Approver,
  type PinLockout,
  type UserView,
} from "../../api/store/users.ts";
export { actorId, requireTillAccess } from "./access.ts";
export {
  APPROVAL_TTL_SECONDS,
  type ApprovalContext,
  type ApprovalGrant,
  consumeApproval,
  grantApproval,
  verifyApproval,
} from "./approvals.ts";
export { listPinLockouts, unlockPinEntry } from "./lockouts.ts";
export { usersRoutes } from "./routes.ts";
export { UsersService } from "./service.ts";
export { SessionsService } from "./sessions.ts";
