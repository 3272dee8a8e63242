/** What a teacher is told about signing up; the same words on the server and on the sign-up page. */
export const SIGN_UP_CLOSED_MESSAGE = "Sign-up is closed on this server. Ask your school's quiz admin for an invite link.";
export const INVITE_USED_MESSAGE = "This invite link has already been used. Ask your school's quiz admin for a new one.";
export const INVITE_EXPIRED_MESSAGE = "This invite link has expired. Ask your school's quiz admin for a new one.";
export const INVITE_UNKNOWN_MESSAGE = "This invite link isn't valid (it may have been cancelled). Ask your school's quiz admin for a new one.";
export const WRONG_SCHOOL_CODE_MESSAGE = "That school sign-up code isn't right. Check it with your school's quiz admin.";
