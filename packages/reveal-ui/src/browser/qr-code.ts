/**
 * The created link as a QR code, for handing it to a phone. Built as SVG nodes (no
 * innerHTML, no inline style) from uqr's module matrix. Creator bundle only.
 */
import { encode } from 'uqr';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An `<svg role="img">` of `text` with a quiet zone, black on white in either colour scheme
 * (scanners need the contrast).
 */
export function qrCodeSvg(text: string, label: string): SVGSVGElement {
  const { size, data } = encode(text, { ecc: 'M', border: 2 });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('class', 'hl-qr');
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x},${y}h1v1h-1z`;
    });
  });
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', d);
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}
