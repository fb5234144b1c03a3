// The proxy copies each request's path into this header so server code (e.g.
// requireUser's redirect to /signin?callbackUrl=...) knows where the visitor
// was going. The proxy always overwrites it, so a client cannot supply it.
export const REQUEST_PATH_HEADER = "x-heartwork-path";
