export { ConfirmButton } from "./ConfirmButton";
export { ErrorNotice } from "./ErrorNotice";
export { Layout } from "./Layout";
export { addNotice, clearNotices, dismissNotice, useNotices, type Notice } from "./noticeStore";
export { NoticeList } from "./NoticeList";
export { LoadingState, Spinner } from "./Spinner";
export { SelectField, type SelectOption } from "./SelectField";
export { TextField } from "./TextField";
export { useAction } from "./useAction";
