/**
 * The league table's small inline script: sort by any column (click a header; again to reverse)
 * and filter by park, industry and grade. The table is complete without it — the script only
 * reorders and hides rows. Cells carry their sort key in data-v; rows their filter keys in
 * data-park / data-industry / data-grade. Nothing from the data is ever evaluated or inserted as
 * HTML: the script reads attributes and moves existing rows.
 */
export const TABLE_SCRIPT = `(function(){
var table=document.getElementById("league");if(!table)return;
var body=table.tBodies[0],heads=table.tHead.rows[0].cells,bar=document.getElementById("filters");
bar.hidden=false;
function key(td,num){var v=td.getAttribute("data-v");if(v===null)v=td.textContent;if(num){var x=parseFloat(v);return isNaN(x)?null:x;}return v;}
Array.prototype.forEach.call(heads,function(th,col){var b=th.querySelector("button");if(!b)return;
b.addEventListener("click",function(){var asc=th.getAttribute("aria-sort")!=="ascending";
Array.prototype.forEach.call(heads,function(h){h.removeAttribute("aria-sort");});th.setAttribute("aria-sort",asc?"ascending":"descending");
var num=th.getAttribute("data-type")==="num",rows=Array.prototype.slice.call(body.rows);
var keyed=rows.map(function(r,i){return{r:r,k:key(r.cells[col],num),i:i};});
keyed.sort(function(a,b){if(a.k===null||a.k==="")return b.k===null||b.k===""?a.i-b.i:1;if(b.k===null||b.k==="")return -1;
var d=num?a.k-b.k:String(a.k).localeCompare(String(b.k),document.documentElement.lang);if(!asc)d=-d;return d||a.i-b.i;});
var f=document.createDocumentFragment();keyed.forEach(function(x){f.appendChild(x.r);});body.appendChild(f);});});
var sels=bar.querySelectorAll("select"),count=document.getElementById("shown");
function apply(){var want={};Array.prototype.forEach.call(sels,function(s){if(s.value!=="")want[s.name]=s.value;});var n=0;
Array.prototype.forEach.call(body.rows,function(r){var ok=true;for(var k in want){if(r.getAttribute("data-"+k)!==want[k]){ok=false;break;}}r.hidden=!ok;if(ok)n++;});
if(count)count.textContent=String(n);}
Array.prototype.forEach.call(sels,function(s){s.addEventListener("change",apply);});
})();`;
