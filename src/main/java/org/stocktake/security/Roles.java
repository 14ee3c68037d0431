package org.stocktake.security;

/** The engine groups Stocktake's rules name. Organisations are groups of {@link #ORGANISATION_TYPE}. */
public final class Roles {

    public static final String SECRETARIAT = "secretariat";
    public static final String OVERSIGHT_BOARD = "oversight-board";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** Sees everything but restricted notes, and acts on nothing: a minister's office, a committee. */
    public static final String OBSERVER = "observer";
    /** Reads the metrics and the version (/actuator), and nothing else: Prometheus's user. Created by an administrator when wanted. */
    public static final String MONITORING = "monitoring";

    /** The group type that marks a group as an organisation (an addressee or owner). */
    public static final String ORGANISATION_TYPE = "organisation";

    private Roles() {
    }
}
