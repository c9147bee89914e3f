package io.redflag.domain.model;

/** Where a deal stands, whatever the org calls its stages: the admin maps each stage to one of these. */
public enum StageClass {
    OPEN,
    WON,
    LOST
}
