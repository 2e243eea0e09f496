package jp.mamori.detection.logs;

/** What a log line says happened, as far as the rules care. */
public enum EventKind {
    /** A user signed in to the gateway (a session begins). */
    LOGIN,
    /** A sign-in failed. */
    LOGIN_FAILED,
    /** A session ended. */
    LOGOUT,
    /** Traffic or a request inside an established session. */
    SESSION_ACTIVITY,
    /** An ICA/VDI desktop launch through the gateway (source = client, target = the desktop). */
    DESKTOP_LAUNCH,
    /** An administrative command on the device. */
    ADMIN_COMMAND,
    /** An HTTP request to the gateway's own web server (access log). */
    GATEWAY_REQUEST,
    /** A request through the web proxy. */
    WEB_REQUEST
}
