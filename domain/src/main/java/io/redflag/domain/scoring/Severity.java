package io.redflag.domain.scoring;

/** How bad a finding is; CRITICAL holds the level at At Risk or worse whatever the points say. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
