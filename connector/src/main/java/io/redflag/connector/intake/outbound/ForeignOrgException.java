package io.redflag.connector.intake.outbound;

/** An Outbound Message from an org other than the connected one: nothing of it is stored. */
public final class ForeignOrgException extends RuntimeException {

    ForeignOrgException(String messageOrg, String connectedOrg) {
        super("the message comes from org " + messageOrg + ", but Redflag is connected to org "
                + (connectedOrg == null ? "(unknown: the CRM's identity URL named none)" : connectedOrg));
    }
}
