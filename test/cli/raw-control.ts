/** Any C0 or C1 control character but the line feed, DEL, or a bidirectional override: what must never reach a terminal raw. */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
