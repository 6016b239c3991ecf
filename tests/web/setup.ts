// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
