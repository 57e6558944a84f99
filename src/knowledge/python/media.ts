// Image and document processing that reads or writes files, resamples pixels, renders pages or runs converters, all on the calling thread: Pillow, OpenCV, WeasyPrint, pdfkit and ReportLab.

import type { BlockingEntry, Entry } from '../entry.js';
import { offloadable } from './offloadable.js';

/** A method of a Pillow image that resamples its pixels in C, on the calling thread. */
function pillowResample(method: string, o: { what: string; args: string }): BlockingEntry {
  return offloadable(`PIL.Image.Image.${method}`, {
    category: 'cpu',
    why: `Pillow's Image.${method} ${o.what}, decoding the pixels first if they are not loaded yet; for a photograph that takes tens to hundreds of milliseconds on the calling thread.`,
    does: 'processes an image on the event loop',
    imports: 'from PIL import Image',
    params: 'image: Image.Image, size: tuple[int, int]',
    fn: `image.${method}`,
    args: o.args,
  });
}

/** A pdfkit function: it runs the wkhtmltopdf program and waits for it to exit. */
function pdfkitFunction(name: string, o: { what: string; args: string; params: string }): BlockingEntry {
  return offloadable(`pdfkit.${name}`, {
    match: [`pdfkit.${name}`, `pdfkit.api.${name}`],
    category: 'subprocess',
    why: `pdfkit.${name} ${o.what} and runs wkhtmltopdf in a subprocess, waiting on the calling thread for it to render the PDF and exit.`,
    does: 'renders a PDF in a subprocess synchronously',
    instead: ['proc = await asyncio.create_subprocess_exec("wkhtmltopdf", "-", "-", stdin=PIPE, stdout=PIPE); pdf, _ = await proc.communicate(html.encode())'],
    imports: 'import pdfkit',
    params: o.params,
    fn: `pdfkit.${name}`,
    args: o.args,
  });
}

export const entries: readonly Entry[] = [
  // Pillow: open reads the header at once and the pixels on first use; save encodes and writes.
  offloadable('PIL.Image.open', {
    returns: 'PIL.Image.Image',
    category: 'file-io',
    why: 'PIL.Image.open opens the file and reads and identifies the image header on the calling thread; the pixel data is read and decoded later, on first use, also synchronously.',
    does: 'reads an image file synchronously',
    instead: ['image = await asyncio.to_thread(load_and_process, path)  # open, process and save in one worker-thread function'],
    imports: 'from PIL import Image',
    params: 'path: str',
    fn: 'Image.open',
    args: 'path',
  }),
  offloadable('PIL.Image.Image.save', {
    category: 'file-io',
    why: "Pillow's Image.save encodes the image (compressing it for JPEG, PNG or WebP) and writes it to the file, all on the calling thread.",
    does: 'encodes and writes an image synchronously',
    imports: 'from PIL import Image',
    params: 'image: Image.Image, path: str',
    fn: 'image.save',
    args: 'path',
  }),
  pillowResample('resize', { what: 'resamples every pixel of the image to the new size', args: 'size' }),
  pillowResample('thumbnail', { what: 'shrinks the image in place, resampling every pixel', args: 'size' }),
  pillowResample('rotate', { what: 'transforms every pixel of the image by the angle', args: '90, expand=True' }),

  // OpenCV.
  offloadable('cv2.imread', {
    category: 'file-io',
    why: 'cv2.imread reads the whole file and decodes it into a pixel array on the calling thread.',
    does: 'reads and decodes an image synchronously',
    imports: 'import cv2',
    params: 'path: str',
    fn: 'cv2.imread',
    args: 'path',
  }),
  offloadable('cv2.imwrite', {
    category: 'file-io',
    why: 'cv2.imwrite encodes the pixel array (JPEG, PNG, ...) and writes the file on the calling thread.',
    does: 'encodes and writes an image synchronously',
    imports: 'import cv2',
    params: 'path: str, frame',
    fn: 'cv2.imwrite',
    args: 'path, frame',
  }),

  // PDF rendering.
  offloadable('weasyprint.HTML.write_pdf', {
    match: ['weasyprint.HTML.write_pdf', 'weasyprint.document.Document.write_pdf', 'weasyprint.Document.write_pdf'],
    category: 'cpu',
    why: "WeasyPrint's write_pdf lays out the HTML and CSS, renders every page and serializes the PDF, fetching stylesheets and images synchronously, on the calling thread; a document of a few pages takes hundreds of milliseconds.",
    does: 'renders a PDF on the event loop',
    imports: 'from weasyprint import HTML',
    params: 'page: HTML',
    fn: 'page.write_pdf',
    args: '',
  }),
  pdfkitFunction('from_string', { what: 'writes the HTML to a temporary input', args: 'html, False', params: 'html: str' }),
  pdfkitFunction('from_url', { what: 'passes the URL, which wkhtmltopdf downloads,', args: 'url, False', params: 'url: str' }),
  pdfkitFunction('from_file', { what: 'passes the HTML file', args: 'path, False', params: 'path: str' }),
  offloadable('reportlab.pdfgen.canvas.Canvas.save', {
    category: 'file-io',
    why: "ReportLab's Canvas.save serializes the document, compressing its page streams, and writes the PDF file on the calling thread.",
    does: 'writes a PDF synchronously',
    imports: 'from reportlab.pdfgen.canvas import Canvas',
    params: 'pdf: Canvas',
    fn: 'pdf.save',
    args: '',
  }),
  offloadable('reportlab.platypus.SimpleDocTemplate.build', {
    match: ['reportlab.platypus.SimpleDocTemplate', 'reportlab.platypus.doctemplate.SimpleDocTemplate', 'reportlab.platypus.BaseDocTemplate', 'reportlab.platypus.doctemplate.BaseDocTemplate'].map((c) => `${c}.build`),
    category: 'cpu',
    why: "ReportLab's DocTemplate.build lays out every flowable across pages, renders them and writes the PDF, all on the calling thread; long documents take seconds.",
    does: 'renders a PDF on the event loop',
    imports: 'from reportlab.platypus import SimpleDocTemplate',
    params: 'doc: SimpleDocTemplate, story: list',
    fn: 'doc.build',
    args: 'story',
  }),
];
