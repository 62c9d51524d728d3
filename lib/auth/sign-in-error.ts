/** The error codes sign-in may answer besides next-auth's own; the sign-in form reads them. */
export const SIGN_IN_THROTTLED = "SignInThrottled";
export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";
