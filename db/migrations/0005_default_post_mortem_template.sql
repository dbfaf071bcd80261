-- The default blameless post-mortem template (see ../shared/design/domain.md).
INSERT INTO post_mortem_templates (name, is_default, sections) VALUES (
  'Blameless post-mortem',
  true,
  '[
    {"title": "Summary", "guidance": "In three sentences: what happened, who was affected, how it ended."},
    {"title": "Impact", "guidance": "Who noticed what, for how long. Numbers where you have them: requests failed, customers affected, money."},
    {"title": "Timeline", "guidance": "The highlighted events from the incident appear here. Add context a reader needs."},
    {"title": "Contributing factors", "guidance": "Conditions and decisions that made sense at the time. Ask how, not who."},
    {"title": "What went well", "guidance": "What helped detect, respond or recover. Keep doing it."},
    {"title": "What was hard", "guidance": "Where tools, docs or processes got in the way during the response."},
    {"title": "Where we got lucky", "guidance": "What could have made this much worse, and did not this time."},
    {"title": "Action items", "guidance": "Owned follow-ups that make this less likely or less painful next time."},
    {"title": "Lessons learned", "guidance": "What the rest of engineering should take away."}
  ]'::jsonb
);
