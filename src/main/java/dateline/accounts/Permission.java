package dateline.accounts;

/** Something a member of the newsroom may be allowed to do. Roles grant them; see {@link Role#can}. */
public enum Permission {
    ENTER_NEWSROOM,
    WRITE_ARTICLES,
    PUBLISH_OWN_ARTICLES,
    EDIT_OTHERS_ARTICLES,
    PUBLISH_OTHERS_ARTICLES,
    RETRACT_ARTICLES,
    /** Pin articles to the top of the front page, and take them off it. */
    PIN_ARTICLES,
    MANAGE_SECTIONS,
    MODERATE_COMMENTS,
    UPLOAD_MEDIA,
    MANAGE_SETTINGS,
    MANAGE_ACCOUNTS
}
