package io.redflag.domain.model;

/** The part a contact plays in buying, mapped from the CRM's contact roles and titles. */
public enum ContactRole {
    DECISION_MAKER,
    ECONOMIC_BUYER,
    EXECUTIVE,
    CHAMPION,
    INFLUENCER,
    TECHNICAL,
    USER,
    OTHER
}
