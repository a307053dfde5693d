/** The API's password rule (8 to 72 bytes of UTF-8, the bcrypt limit), said for people. */
export const PASSWORD_HINT =
  "8 to 72 bytes: most letters and digits are one byte each; accented letters and emoji take more.";
