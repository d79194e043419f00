"""Words and sentences shared by every layer (read, places, extract): one home for the word
lists that tell a person's name from an organisation's, and one sentence splitter. Imports
nothing from the other packages of the library."""
