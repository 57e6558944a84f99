// Reading and writing tabular data files, which parses or serializes whole files on the calling thread: pandas and openpyxl.

import type { Category } from '../../ir/report.js';
import type { BlockingEntry, Entry } from '../entry.js';
import { offloadable } from './offloadable.js';

/** A pandas reader: it reads the whole source and parses it into a DataFrame. */
function pandasReader(name: string, o: { what: string; category?: Category; args?: string; params?: string; returns?: string }): BlockingEntry {
  return offloadable(`pandas.${name}`, {
    returns: o.returns ?? 'pandas.DataFrame',
    category: o.category ?? 'file-io',
    why: `pandas.${name} ${o.what} on the calling thread; for a large source that takes from hundreds of milliseconds to minutes.`,
    does: o.category === 'database' ? 'runs a database query and builds a DataFrame synchronously' : 'reads a data file synchronously',
    imports: 'import pandas as pd',
    params: o.params ?? 'path: str',
    fn: `pd.${name}`,
    args: o.args ?? 'path',
  });
}

/** A DataFrame (or Series) writer: it serializes every row and writes the result. */
function pandasWriter(name: string, o: { what: string; category?: Category; args?: string; series?: boolean }): BlockingEntry {
  const classes = ['pandas.DataFrame', 'pandas.core.frame.DataFrame', ...(o.series ? ['pandas.Series', 'pandas.core.series.Series'] : [])];
  return offloadable(`pandas.DataFrame.${name}`, {
    match: classes.map((c) => `${c}.${name}`),
    category: o.category ?? 'file-io',
    why: `DataFrame.${name} ${o.what} on the calling thread; for a large frame that takes from hundreds of milliseconds to minutes.`,
    does: o.category === 'database' ? 'writes a DataFrame to a database synchronously' : 'writes a data file synchronously',
    imports: 'import pandas as pd',
    params: 'df: pd.DataFrame, path: str, engine',
    fn: `df.${name}`,
    args: o.args ?? 'path',
  });
}

export const entries: readonly Entry[] = [
  // pandas readers (a URL source is downloaded synchronously too).
  pandasReader('read_csv', { what: 'reads the whole file (or URL) and parses every row' }),
  pandasReader('read_table', { what: 'reads the whole file (or URL) and parses every row' }),
  pandasReader('read_fwf', { what: 'reads the whole file and parses every fixed-width row' }),
  pandasReader('read_excel', { what: 'reads the workbook and parses the sheet cell by cell (through openpyxl or another engine)' }),
  pandasReader('read_parquet', { what: 'reads the Parquet file and decodes its columns' }),
  pandasReader('read_feather', { what: 'reads the Feather file and decodes its columns' }),
  pandasReader('read_orc', { what: 'reads the ORC file and decodes its columns' }),
  pandasReader('read_json', { what: 'reads the whole file (or URL) and parses the JSON into columns' }),
  pandasReader('read_xml', { what: 'reads the whole file (or URL) and parses the XML into rows' }),
  pandasReader('read_html', { what: 'reads the page (downloading a URL) and parses every table in it', returns: 'builtins.list' }),
  pandasReader('read_pickle', { what: 'reads and unpickles the whole file' }),
  pandasReader('read_hdf', { what: 'reads the HDF5 store and decodes the table' }),
  pandasReader('read_sql', { what: 'runs the query through the given connection, waiting for the database, and builds the frame from every row', category: 'database', args: 'query, engine', params: 'query: str, engine' }),
  pandasReader('read_sql_query', { what: 'runs the query through the given connection, waiting for the database, and builds the frame from every row', category: 'database', args: 'query, engine', params: 'query: str, engine' }),
  pandasReader('read_sql_table', { what: 'reads the whole table through the given connection, waiting for the database, and builds the frame from every row', category: 'database', args: 'query, engine', params: 'query: str, engine' }),

  // pandas writers (without a path, to_csv and to_json build the whole text in memory instead).
  pandasWriter('to_csv', { what: 'formats every row as text and writes the file', series: true }),
  pandasWriter('to_json', { what: 'serializes every row to JSON and writes the file', series: true }),
  pandasWriter('to_excel', { what: 'builds the workbook cell by cell and writes the file', series: true }),
  pandasWriter('to_parquet', { what: 'encodes the columns and writes the Parquet file' }),
  pandasWriter('to_feather', { what: 'encodes the columns and writes the Feather file' }),
  pandasWriter('to_pickle', { what: 'pickles the frame and writes the file', series: true }),
  pandasWriter('to_hdf', { what: 'writes the frame to the HDF5 store', args: 'path, key="data"', series: true }),
  pandasWriter('to_sql', { what: 'inserts every row through the given connection, waiting for the database', category: 'database', args: '"events", engine', series: true }),

  // openpyxl.
  offloadable('openpyxl.load_workbook', {
    match: ['openpyxl.load_workbook', 'openpyxl.reader.excel.load_workbook'],
    returns: 'openpyxl.Workbook',
    category: 'file-io',
    why: 'openpyxl.load_workbook reads the .xlsx archive and parses the XML of every sheet on the calling thread; large workbooks take seconds.',
    does: 'reads a workbook synchronously',
    imports: 'import openpyxl',
    params: 'path: str',
    fn: 'openpyxl.load_workbook',
    args: 'path',
  }),
  offloadable('openpyxl.Workbook.save', {
    match: ['openpyxl.Workbook.save', 'openpyxl.workbook.Workbook.save', 'openpyxl.workbook.workbook.Workbook.save'],
    category: 'file-io',
    why: "openpyxl's Workbook.save serializes every sheet to XML and writes the zipped .xlsx file on the calling thread.",
    does: 'writes a workbook synchronously',
    imports: 'import openpyxl',
    params: 'workbook: openpyxl.Workbook, path: str',
    fn: 'workbook.save',
    args: 'path',
  }),
];
