"""Learning from edits (issue 16, part 2): pure logic, no I/O.

``pairs``: the edit pairs (model text -> final text) read from queue histories;
``mining``: the recurring corrections in those pairs ("What we changed");
``proposals``: those corrections as kit rules, and a rule applied to a kit;
``keep``: which learned example posts a kit keeps under its cap.
The I/O around them (queue, kit files, the voice store) is in ``assistant.learn``.
"""
