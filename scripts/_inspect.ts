import Database from 'better-sqlite3';
const db = new Database(process.argv[2], { readonly: true });
console.log(db.prepare('select collection, count(*) n, avg(length(data)) avglen, max(length(data)) maxlen from docs group by collection').all());
console.log(db.pragma('page_size'), db.pragma('page_count'));
for (const f of ['personKey','openid','status','region','dueDate','kind','applicationId','nextAttemptAt','createdAt'])
  console.log(f, db.prepare(`select collection, count(*) n from docs where json_extract(data,'$.${f}') is not null group by collection`).all().map((r:any)=>r.collection+':'+r.n).join(' '));
