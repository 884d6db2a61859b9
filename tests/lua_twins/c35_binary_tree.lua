-- binary search tree: insert, in-order traversal, height, search
local function insert(node, k)
  if node == nil then return {key = k} end
  if k < node.key then node.left = insert(node.left, k) elseif k > node.key then node.right = insert(node.right, k) end
  return node
end
local function inorder(node, out) if node then inorder(node.left, out) out[#out + 1] = node.key inorder(node.right, out) end return out end
local function height(node) if not node then return 0 end return 1 + math.max(height(node.left), height(node.right)) end
local function find(node, k, depth) depth = depth or 1 if not node then return nil end if k == node.key then return depth end
  if k < node.key then return find(node.left, k, depth + 1) end return find(node.right, k, depth + 1) end
local root = nil
local keys = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 90, 55}
for i, k in ipairs(keys) do root = insert(root, k) print("insert", k, height(root)) end
print(table.concat(inorder(root, {}), " "))
for _, k in ipairs({10, 45, 55, 99, 50}) do print("find", k, find(root, k)) end
